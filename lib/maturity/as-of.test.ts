import { describe, expect, it } from "vitest";
import { evidenceAsOf } from "./as-of";
import { assessSolution } from "./assess";
import { DAY, execArn, H, NOW, pkgArn, reliableSolution } from "./fixtures.test-helpers";
import { reconstructHistory, WEEK_MS } from "./snapshot-history";
import { known, unknown, type DecisionEvidence, type SolutionEvidence } from "./types";

const v = <T>(k: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!k.ok) throw new Error(k.reason);
  return k.value;
};

describe("evidence as of an earlier time", () => {
  // fixture: versions 1, 2 made 39 and 38 days ago, version 3 3 days ago; executions 1–4 days ago;
  // v1 deployed to staging 30 and prod 28 days ago, v2 to staging 20 and prod 18 days ago
  const s = reliableSolution();

  it("keeps what existed 25 days ago: versions 1 and 2, v1's deployments, no executions yet", () => {
    const t = NOW - 25 * DAY;
    const past = evidenceAsOf(s, t);
    expect(past.now).toBe(t);
    expect(v(past.modelPackages).map((p) => p.version)).toEqual([1, 2]);
    expect(v(past.trainingJobs)).toEqual([]);
    expect(v(past.pipelines)).toEqual([]); // a pipeline appears with its first execution
    expect(v(past.deployments).map((d) => `${d.stage}:${d.packageArn}`)).toEqual([
      `staging:${pkgArn(1)}`,
      `prod:${pkgArn(1)}`,
    ]);
    // both endpoints existed and served v1 then, not today's v2
    expect(v(past.endpoints).map((e) => [e.ref.id, e.variants[0]?.modelPackageArn])).toEqual([
      ["fraud-staging", pkgArn(1)],
      ["fraud-prod", pkgArn(1)],
    ]);
    expect(v(past.monitoring)[0]?.lastRun).toEqual({ status: "Completed", at: t });
    expect(v(past.taggedResources).map((r) => r.ref.id)).toEqual(["fraud"]);
  });

  it("drops an endpoint whose stage had no deployment yet, and its monitoring", () => {
    const past = evidenceAsOf(s, NOW - 29 * DAY); // staging got v1 30 days ago; prod only 28 days ago
    expect(v(past.endpoints).map((e) => e.ref.id)).toEqual(["fraud-staging"]);
    expect(v(past.monitoring)).toEqual([]);
  });

  it("keeps endpoints as they are when deployments could not be read", () => {
    const past = evidenceAsOf(reliableSolution({ deployments: unknown("denied") }), NOW - 29 * DAY);
    expect(v(past.endpoints)).toHaveLength(2);
    expect(past.deployments.ok).toBe(false);
  });

  it("shows an execution that had not ended at t as Executing", () => {
    const past = evidenceAsOf(s, NOW - DAY + 30 * 60_000); // e1 runs from 1 day ago for an hour
    const execs = v(past.pipelines)[0]?.executions ?? [];
    const e1 = execs.find((e) => e.ref.id === execArn("e1"));
    const e2 = execs.find((e) => e.ref.id === execArn("e2"));
    expect(e1?.status).toBe("Executing");
    expect(e1?.endedAt).toBeUndefined();
    expect(e2?.status).toBe("Succeeded");
    expect(execs).toHaveLength(4);
  });

  it("takes a version as pending until its status was last modified, without a decision record", () => {
    const created = NOW - 39 * DAY; // v1, approved 10 h later
    expect(v(evidenceAsOf(s, created + 5 * H).modelPackages)[0]?.approvalStatus).toBe(
      "PendingManualApproval",
    );
    expect(v(evidenceAsOf(s, created + 11 * H).modelPackages)[0]?.approvalStatus).toBe("Approved");
  });

  it("follows SageDeck's decisions: pending before the first, then the last decision's status", () => {
    const decisions: DecisionEvidence[] = [
      { packageArn: pkgArn(1), action: "reject", actor: "alex", at: NOW - 36 * DAY },
      { packageArn: pkgArn(1), action: "approve", actor: "alex", at: NOW - 34 * DAY },
    ];
    const withDecisions: SolutionEvidence = reliableSolution({ decisions: known(decisions) });
    const at = (t: number) => v(evidenceAsOf(withDecisions, t).modelPackages)[0];
    expect(at(NOW - 37 * DAY)?.approvalStatus).toBe("PendingManualApproval");
    expect(at(NOW - 35 * DAY)?.approvalStatus).toBe("Rejected");
    expect(at(NOW - 33 * DAY)?.approvalStatus).toBe("Approved");
    expect(v(evidenceAsOf(withDecisions, NOW - 35 * DAY).decisions)).toHaveLength(1);
  });

  it("today is today: trimming at now changes no source", () => {
    const same = evidenceAsOf(s, NOW);
    for (const k of ["trainingJobs", "pipelines", "modelPackages", "endpoints", "monitoring"] as const) {
      expect(same[k]).toEqual(s[k]);
    }
  });

  it("is assessed lower in the past: not Reliable before production had a deployment", () => {
    expect(assessSolution(s).phase).toBe("Reliable");
    expect(assessSolution(evidenceAsOf(s, NOW - 29 * DAY)).phase).not.toBe("Reliable");
  });
});

describe("reconstructed history", () => {
  it("has one organisation row and one per solution for each of 12 weeks, oldest first, before now", () => {
    const rows = reconstructHistory([reliableSolution()], known([]), NOW, 12);
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.source === "reconstructed" && r.takenAt.getTime() < NOW)).toBe(true);
    const fraud = rows.filter((r) => r.solutionKey === "fraud");
    expect(fraud.map((r) => r.takenAt.getTime())).toEqual(
      Array.from({ length: 12 }, (_, i) => NOW - (12 - i) * WEEK_MS),
    );
    // 12 weeks ago nothing had been registered yet; a week ago v1 and v2 were in production
    expect(fraud[0]?.phase).toBeNull();
    expect(fraud.at(-1)?.kpis.leadTime?.n).toBe(2);
  });
});
