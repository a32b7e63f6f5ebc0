import { describe, expect, it } from "vitest";
import { assessOrganisation } from "./assess";
import { DAY, NOW, reliableSolution } from "./fixtures.test-helpers";
import { computeKpis } from "./kpis";
import { ORG_KEY, snapshotRows } from "./snapshot";
import { known, unknown } from "./types";

function input(solutions = [reliableSolution()], exemptions = {}) {
  const assessments = assessOrganisation(solutions, known([]), exemptions);
  return {
    at: NOW,
    assessments,
    kpis: computeKpis(solutions, NOW),
    bySolution: new Map(solutions.map((s) => [s.key, computeKpis([s], NOW)])),
  };
}

describe("snapshot rows", () => {
  it("writes the organisation row first, then one row per solution, all at the computation's time", () => {
    const other = reliableSolution({ key: "churn", name: "Churn", team: "growth" });
    const rows = snapshotRows(input([reliableSolution(), other]), "scheduled");
    expect(rows.map((r) => r.solutionKey)).toEqual([ORG_KEY, "fraud", "churn"]);
    expect(rows.every((r) => r.takenAt.getTime() === NOW && r.source === "scheduled")).toBe(true);
    const org = rows[0];
    expect(org).toMatchObject({ phase: null, score: null, progress: null, checks: {} });
  });

  it("carries the solution's phase, score, progress and every check's status", () => {
    const c = input();
    const a = c.assessments[0];
    const row = snapshotRows(c, "manual")[1];
    expect(row?.phase).toBe("Reliable");
    expect(row?.phase).toBe(a?.phase);
    expect(row?.score).toBe(a?.score);
    expect(row?.progress).toBe(a?.progress);
    expect(Object.keys(row?.checks ?? {})).toEqual(a?.checks.map((x) => x.id));
    for (const check of a?.checks ?? []) expect(row?.checks[check.id]).toEqual({ status: check.status });
  });

  it("marks an exempted check and keeps its (passing) status", () => {
    const failing = reliableSolution({
      monitoring: known([]), // L-8 fails without a monitor
    });
    const exemption = { checkId: "L-8", reason: "r", grantedBy: "maya", expiresAt: NOW + 30 * DAY };
    const row = snapshotRows(input([failing], { fraud: [exemption] }), "scheduled")[1];
    expect(row?.checks["L-8"]).toEqual({ status: "pass", exempt: true });
    const plain = snapshotRows(input([failing]), "scheduled")[1];
    expect(plain?.checks["L-8"]?.status).not.toBe("pass");
    expect(plain?.checks["L-8"]?.exempt).toBeUndefined();
  });

  it("stores each KPI's value, p90, sample size and approx flag, for the organisation and per solution", () => {
    const c = input();
    const rows = snapshotRows(c, "scheduled");
    const lead = c.kpis.find((k) => k.id === "leadTime");
    expect(rows[0]?.kpis.leadTime).toEqual({
      value: lead?.value,
      p90: lead?.p90,
      n: lead?.n,
      approx: lead?.approx,
    });
    // 2 versions reached prod: v1 39 d → 28 d (11 days = 264 h), v2 38 d → 18 d (20 days = 480 h)
    expect(rows[1]?.kpis.leadTime?.n).toBe(2);
    expect(Object.keys(rows[1]?.kpis ?? {}).sort()).toEqual(c.kpis.map((k) => k.id).sort());
  });

  it("is provisional at the organisation when a solution is", () => {
    const rows = snapshotRows(input([reliableSolution({ monitoring: unknown("denied") })]), "scheduled");
    expect(rows[1]?.provisional).toBe(true);
    expect(rows[0]?.provisional).toBe(true);
    expect(snapshotRows(input(), "scheduled")[0]?.provisional).toBe(false);
  });
});
