import { renderUi } from "@/tests/helpers/render-ui";
import { describe, expect, it } from "vitest";
import type { CheckInfo, SolutionRow } from "@/lib/maturity-report/report";
import { HeatMap } from "./heat-map";

const CHECKS: CheckInfo[] = [
  { id: "L-2", title: "Production version approved", required: true },
  { id: "L-5", title: "Deployment automated", required: false },
];
const ROW: SolutionRow = {
  key: "growth",
  name: "Growth",
  team: "growth",
  phase: "Repeatable",
  provisional: false,
  next: "Reliable",
  progress: 50,
  score: 60,
  checks: { "L-2": "fail", "L-5": "fail" },
};

const cellOf = (html: string, id: string) => {
  const m = new RegExp(`<span[^>]*aria-label="${id} Fail"[^>]*>`).exec(html);
  return m?.[0] ?? "";
};

describe("HeatMap", () => {
  const html = renderUi(<HeatMap solutions={[ROW]} checks={CHECKS} />);

  it("has a legend naming every status and what advisory cells look like", () => {
    expect(html).toContain('aria-label="Legend"');
    for (const label of ["Pass", "Partial", "Fail", "Unknown", "Not applicable"])
      expect(html).toContain(label);
    expect(html).toMatch(/Advisory check \(hatched, ◇\)/);
  });

  it("names each check in its header and on hover over a cell", () => {
    expect(html).toContain('title="L-2 Production version approved (required)"');
    expect(html).toContain("Deployment automated");
    expect(cellOf(html, "L-2")).toContain(
      'title="Growth · L-2 Production version approved (required): Fail"',
    );
  });

  it("tells an advisory failure from a required one without colour: a glyph, hatching and the word", () => {
    const required = cellOf(html, "L-2");
    const advisory = cellOf(html, "L-5");
    expect(required).toContain('data-kind="required"');
    expect(advisory).toContain('data-kind="advisory"');
    expect(advisory).toContain("outline-dashed");
    expect(required).not.toContain("outline-dashed");
    expect(html).toContain("✕◇");
    expect(html).toContain("◇ adv.");
  });
});
