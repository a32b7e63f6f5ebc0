import { describe, expect, it } from "vitest";
import { assessOrganisation, assessSolution, phaseOf } from "./assess";
import { DAY, NOW, reliableSolution } from "./fixtures.test-helpers";
import { known, unknown, type CheckResult, type ProjectEvidence } from "./types";

const check = (
  id: string,
  phase: CheckResult["phase"],
  status: CheckResult["status"],
  required = true,
): CheckResult => ({
  id,
  phase,
  status,
  required,
  title: id,
  observed: "",
  threshold: "",
  evidence: [],
  action: "",
});

describe("gated phase", () => {
  it("reaches the highest phase whose required checks and all lower ones pass", () => {
    const r = phaseOf([
      check("I-1", "Initial", "pass"),
      check("R-1", "Repeatable", "pass"),
      check("L-1", "Reliable", "fail"),
      check("S-1", "Scalable", "pass"),
    ]);
    expect(r.phase).toBe("Repeatable");
    expect(r.next).toBe("Reliable");
    expect(r.progress).toBe(0);
  });

  it("does not let an advisory failure block a phase", () => {
    const r = phaseOf([check("I-1", "Initial", "pass"), check("I-3", "Initial", "fail", false)]);
    expect(r.phase).toBe("Initial");
  });

  it("never counts unknown as a failure, but marks the phase provisional", () => {
    const r = phaseOf([
      check("I-1", "Initial", "pass"),
      check("I-2", "Initial", "unknown"),
      check("R-1", "Repeatable", "fail"),
    ]);
    expect(r.phase).toBe("Initial");
    expect(r.provisional).toBe(true);
  });

  it("does not reach a phase whose required checks are all n/a", () => {
    const r = phaseOf([
      check("I-1", "Initial", "pass"),
      check("R-1", "Repeatable", "pass"),
      check("L-1", "Reliable", "na"),
    ]);
    expect(r.phase).toBe("Repeatable");
  });

  it("a partial check blocks, and progress counts passes toward the next phase", () => {
    const r = phaseOf([
      check("I-1", "Initial", "pass"),
      check("R-1", "Repeatable", "partial"),
      check("R-2", "Repeatable", "pass"),
    ]);
    expect(r.phase).toBe("Initial");
    expect(r.progress).toBe(50);
  });
});

describe("assessSolution", () => {
  it("puts the reference solution at Reliable, with Scalable as the next step", () => {
    const a = assessSolution(reliableSolution());
    expect(a.phase).toBe("Reliable");
    expect(a.next).toBe("Scalable");
    expect(a.nextSteps.map((c) => c.id)).toContain("S-1");
  });

  it("an unexpired exemption turns a failing check into a pass and shows it; an expired one does not", () => {
    const e = reliableSolution({ monitoring: known([]) });
    expect(assessSolution(e).phase).toBe("Repeatable");
    const ex = {
      checkId: "L-8",
      reason: "monitoring moves to the platform team in Q1",
      grantedBy: "mia",
      expiresAt: NOW + DAY,
    };
    const exempt = assessSolution(e, [ex]);
    expect(exempt.phase).toBe("Reliable");
    expect(exempt.checks.find((c) => c.id === "L-8")?.exemption?.reason).toContain("platform team");
    expect(assessSolution(e, [{ ...ex, expiresAt: NOW - DAY }]).phase).toBe("Repeatable");
  });

  it("with the registry unreadable, keeps the phase it can prove and says it is provisional", () => {
    const a = assessSolution(reliableSolution({ modelPackages: unknown("ThrottlingException") }));
    expect(a.checks.filter((c) => c.status === "unknown").map((c) => c.id)).toEqual(
      expect.arrayContaining(["R-4", "R-5", "L-1", "L-2"]),
    );
    expect(a.checks.some((c) => c.status === "fail" && ["R-4", "R-5"].includes(c.id))).toBe(false);
    expect(a.provisional).toBe(true);
  });
});

describe("assessOrganisation", () => {
  const project = (team: string, product: string): ProjectEvidence => ({
    ref: { kind: "project", id: `p-${team}`, label: team },
    status: "CreateCompleted",
    productId: product,
    createdAt: NOW - 100 * DAY,
    team,
  });

  it("reaches Scalable when two Reliable teams share a template and resources come from projects", () => {
    const mk = (team: string) =>
      reliableSolution({
        key: team,
        team,
        projects: known([project(team, "prod-shared")]),
        taggedResources: known([
          {
            ref: { kind: "modelPackageGroup", id: team, label: team },
            tags: { team, "sagemaker:project-id": `p-${team}` },
          },
        ]),
      });
    const orgProjects = known([project("risk", "prod-shared"), project("growth", "prod-shared")]);
    const [a, b] = assessOrganisation([mk("risk"), mk("growth")], orgProjects);
    expect(a?.phase).toBe("Scalable");
    expect(b?.phase).toBe("Scalable");
  });

  it("stays at Reliable when only one team is in production", () => {
    const solo = reliableSolution({
      projects: known([project("risk", "prod-solo")]),
      taggedResources: known([
        {
          ref: { kind: "modelPackageGroup", id: "g", label: "g" },
          tags: { team: "risk", "sagemaker:project-id": "p-risk" },
        },
      ]),
    });
    const [a] = assessOrganisation([solo], known([project("risk", "prod-solo")]));
    expect(a?.phase).toBe("Reliable");
    expect(a?.checks.find((c) => c.id === "S-3")?.status).toBe("partial");
  });
});
