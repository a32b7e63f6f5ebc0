import { describe, expect, it } from "vitest";
import { assessSolution } from "./assess";
import { DAY, H, NOW, pkg, pkgArn, reliableSolution } from "./fixtures.test-helpers";
import { known, unknown, type CheckStatus, type SolutionEvidence } from "./types";

function status(id: string, e: SolutionEvidence): CheckStatus {
  const c = assessSolution(e).checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c.status;
}

const base = reliableSolution();
const jobs = base.trainingJobs.ok ? base.trainingJobs.value : [];
const pipelines = base.pipelines.ok ? base.pipelines.value : [];
const endpoints = base.endpoints.ok ? base.endpoints.value : [];

describe("Initial checks", () => {
  it("I-1 passes on a completed job in the window, fails without, is unknown when jobs cannot be read", () => {
    expect(status("I-1", base)).toBe("pass");
    expect(
      status(
        "I-1",
        reliableSolution({ trainingJobs: known(jobs.map((j) => ({ ...j, status: "Failed" as const }))) }),
      ),
    ).toBe("fail");
    expect(
      status(
        "I-1",
        reliableSolution({ trainingJobs: known(jobs.map((j) => ({ ...j, createdAt: NOW - 200 * DAY }))) }),
      ),
    ).toBe("fail");
    expect(
      status("I-1", reliableSolution({ trainingJobs: unknown("AccessDenied on ListTrainingJobs") })),
    ).toBe("unknown");
  });

  it("I-2 grades the share of tracked jobs: ≥80% pass, some partial, none fail, no jobs n/a", () => {
    const track = (n: number) => known(jobs.map((j, i) => ({ ...j, tracked: i < n })));
    expect(status("I-2", reliableSolution({ trainingJobs: track(4) }))).toBe("pass");
    expect(status("I-2", reliableSolution({ trainingJobs: track(2) }))).toBe("partial");
    expect(status("I-2", reliableSolution({ trainingJobs: track(0) }))).toBe("fail");
    expect(status("I-2", reliableSolution({ trainingJobs: known([]) }))).toBe("na");
  });

  it("I-3 needs ≥90% tagged for pass and ≥50% for partial", () => {
    const tagged = (tags: Record<string, string>[]) =>
      known(
        tags.map((t, i) => ({ ref: { kind: "pipeline" as const, id: `p${i}`, label: `p${i}` }, tags: t })),
      );
    expect(status("I-3", reliableSolution({ taggedResources: tagged([{ team: "a" }, { team: "b" }]) }))).toBe(
      "pass",
    );
    expect(status("I-3", reliableSolution({ taggedResources: tagged([{ team: "a" }, {}]) }))).toBe("partial");
    expect(status("I-3", reliableSolution({ taggedResources: tagged([{}, {}, { team: "a" }]) }))).toBe(
      "fail",
    );
  });

  it("I-4 passes with an endpoint in service", () => {
    expect(status("I-4", base)).toBe("pass");
    expect(status("I-4", reliableSolution({ endpoints: known([]) }))).toBe("fail");
  });
});

describe("Repeatable checks", () => {
  it("R-1: pass with a recent success and pipeline-run jobs; partial with a pipeline only; fail without", () => {
    expect(status("R-1", base)).toBe("pass");
    const handJobs = known(jobs.map((j) => ({ ...j, fromPipeline: false })));
    expect(status("R-1", reliableSolution({ trainingJobs: handJobs }))).toBe("partial");
    expect(status("R-1", reliableSolution({ pipelines: known([]) }))).toBe("fail");
  });

  it("R-2 and R-3 read the definition: coverage and a gate before registration", () => {
    const p = pipelines[0]!;
    expect(status("R-2", base)).toBe("pass");
    expect(status("R-2", reliableSolution({ pipelines: known([{ ...p, stepTypes: ["Training"] }]) }))).toBe(
      "partial",
    );
    expect(status("R-3", base)).toBe("pass");
    expect(
      status("R-3", reliableSolution({ pipelines: known([{ ...p, hasGateBeforeRegister: false }]) })),
    ).toBe("fail");
    const neverEvaluated = { ...p, executions: p.executions.map((x) => ({ ...x, gateOutcomes: [] })) };
    expect(status("R-3", reliableSolution({ pipelines: known([neverEvaluated]) }))).toBe("partial");
  });

  it("R-3 reports the gate bite rate", () => {
    const r3 = assessSolution(base).checks.find((c) => c.id === "R-3");
    expect(r3?.observed).toContain("refused 1 of 4 (25%)");
  });

  it("R-4 and R-5 look at the registry", () => {
    expect(status("R-4", base)).toBe("pass");
    const manual = known([pkg(1, { generatedBy: undefined }), pkg(2, { generatedBy: undefined })]);
    expect(status("R-4", reliableSolution({ modelPackages: manual }))).toBe("partial");
    expect(status("R-4", reliableSolution({ modelPackages: known([]) }))).toBe("fail");
    expect(
      status("R-5", reliableSolution({ modelPackages: known([pkg(1, { hasModelMetrics: false }), pkg(2)]) })),
    ).toBe("partial");
  });

  it("R-7 counts executions started by automation, not by people", () => {
    expect(status("R-7", base)).toBe("pass");
    const p = pipelines[0]!;
    const byHand = {
      ...p,
      executions: p.executions.map((x) => ({ ...x, createdBy: { userProfileName: "priya" } })),
    };
    expect(status("R-7", reliableSolution({ pipelines: known([byHand]) }))).toBe("fail");
  });
});

describe("Reliable checks", () => {
  it("L-1 refuses self-approval and accepts a second person's approval with a comment", () => {
    expect(status("L-1", base)).toBe("pass");
    const self = known([pkg(1), pkg(2, { lastModifiedBy: { userProfileName: "priya" } })]);
    expect(status("L-1", reliableSolution({ modelPackages: self }))).toBe("partial");
    expect(status("L-1", reliableSolution({ endpoints: known([]), deployments: known([]) }))).toBe("na");
  });

  it("L-2 catches a production endpoint serving an unapproved version, and one serving a raw artifact", () => {
    expect(status("L-2", base)).toBe("pass");
    const pending = known([pkg(1), pkg(2, { approvalStatus: "PendingManualApproval" })]);
    const r = assessSolution(reliableSolution({ modelPackages: pending })).checks.find((c) => c.id === "L-2");
    expect(r?.status).toBe("fail");
    expect(r?.evidence[0]?.label).toContain("PendingManualApproval");
    const raw = known(
      endpoints.map((ep) => ({ ...ep, variants: [{ modelDataUrl: "s3://b/model.tar.gz" }] })),
    );
    expect(status("L-2", reliableSolution({ endpoints: raw }))).toBe("fail");
    expect(
      status("L-2", reliableSolution({ endpoints: known(endpoints.filter((e) => e.stage !== "prod")) })),
    ).toBe("na");
  });

  it("L-3 needs staging before production for live versions", () => {
    expect(status("L-3", base)).toBe("pass");
    const direct = known([
      { packageArn: pkgArn(2), stage: "prod" as const, at: NOW - 18 * DAY, rollback: false },
    ]);
    expect(status("L-3", reliableSolution({ deployments: direct }))).toBe("fail");
  });

  it("L-8 needs capture and a fresh data-quality run; a stale one is partial", () => {
    expect(status("L-8", base)).toBe("pass");
    const stale = known([
      {
        ref: { kind: "monitoringSchedule" as const, id: "m", label: "m" },
        endpointName: "fraud-prod",
        status: "Scheduled" as const,
        type: "DataQuality",
        lastRun: { status: "Failed", at: NOW - 5 * DAY },
        cadenceSeconds: 3600,
      },
    ]);
    expect(status("L-8", reliableSolution({ monitoring: stale }))).toBe("partial");
    expect(status("L-8", reliableSolution({ monitoring: known([]) }))).toBe("fail");
    // an hourly monitor reported as a daily roll-up: a run 20 hours ago is fresh, 30 hours ago is stale
    const hourly = (hoursAgo: number) =>
      known([
        {
          ref: { kind: "monitoringSchedule" as const, id: "m", label: "m" },
          endpointName: "fraud-prod",
          status: "Scheduled" as const,
          type: "DataQuality",
          lastRun: { status: "Completed", at: NOW - hoursAgo * H },
          cadenceSeconds: 3600,
        },
      ]);
    expect(status("L-8", reliableSolution({ monitoring: hourly(20) }))).toBe("pass");
    expect(status("L-8", reliableSolution({ monitoring: hourly(30) }))).toBe("partial");
    expect(status("L-8", reliableSolution({ monitoring: unknown("throttled") }))).toBe("unknown");
  });
});
