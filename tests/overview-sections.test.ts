import { describe, expect, it } from "vitest";
import { overviewSections } from "@/components/overview/sections";
import { byUrgency, type UrgentStep } from "@/lib/overview/maturity";

describe("which overview sections a role sees first", () => {
  it.each([
    ["viewer", []],
    ["scientist", ["runs"]],
    ["approver", ["approvals"]],
    ["manager", ["maturity"]],
    ["admin", ["approvals", "runs", "maturity"]],
  ] as const)("%s → %j", (role, sections) => {
    expect(overviewSections(role)).toEqual(sections);
  });
});

describe("most urgent next step first", () => {
  const step = (
    name: string,
    phase: UrgentStep["phase"],
    progress: number,
    required: boolean,
  ): UrgentStep => ({
    key: name,
    name,
    phase,
    next: null,
    progress,
    step: { id: "R-1", title: "t", action: "a", required },
  });

  it("required before advisory, then the lowest phase, then the least progress", () => {
    const list = [
      step("advisory-initial", "Initial", 0, false),
      step("reliable", "Reliable", 10, true),
      step("initial-half", "Initial", 50, true),
      step("none", null, 90, true),
      step("initial-low", "Initial", 20, true),
    ];
    expect([...list].sort(byUrgency).map((s) => s.name)).toEqual([
      "none",
      "initial-low",
      "initial-half",
      "reliable",
      "advisory-initial",
    ]);
  });
});
