import { describe, expect, it } from "vitest";
import { computeKpis } from "./kpis";
import { DAY, H, NOW, pkg, pkgArn, reliableSolution } from "./fixtures.test-helpers";
import { quantile } from "./stats";
import { known } from "./types";

const kpi = (id: string, ...args: Parameters<typeof computeKpis>) => {
  const k = computeKpis(...args).find((x) => x.id === id);
  if (!k) throw new Error(id);
  return k;
};

describe("quantile", () => {
  it("interpolates between ranks", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
    expect(quantile([], 0.5)).toBeUndefined();
  });
});

describe("lifecycle KPIs on hand-computed fixtures", () => {
  // v1 registered NOW-39d, prod NOW-28d → 11 d = 264 h; v2 registered NOW-38d, prod NOW-18d → 20 d = 480 h
  it("lead time is the median hours from registration to first production deployment", () => {
    const k = kpi("leadTime", [reliableSolution()], NOW);
    expect(k.n).toBe(2);
    expect(k.value).toBe(372); // (264 + 480) / 2
    expect(k.p90).toBe(458.4); // 264 + 0.9 × 216
    expect(k.approx).toBe(false);
  });

  it("approval latency falls back on LastModifiedTime and says approx", () => {
    const k = kpi("approvalLatency", [reliableSolution()], NOW);
    expect(k.n).toBe(2);
    expect(k.value).toBe(10);
    expect(k.approx).toBe(true);
  });

  it("approval latency uses SageDeck's decision record when it has one", () => {
    const e = reliableSolution({
      modelPackages: known([pkg(1)]),
      decisions: known([
        {
          packageArn: pkgArn(1),
          action: "approve",
          actor: "grace",
          at: NOW - 39 * DAY + 4 * H,
          reason: "ok",
        },
      ]),
    });
    const k = kpi("approvalLatency", [e], NOW);
    expect(k.value).toBe(4);
    expect(k.approx).toBe(false);
  });

  it("counts the waiting queue and the oldest item's age", () => {
    const k = kpi("approvalQueue", [reliableSolution()], NOW);
    expect(k.value).toBe(1);
    expect(k.p90).toBe(72);
    // a solution's tile counts its own groups at the last collection, not the organisation's live inbox
    expect(k.definition).toMatch(/model groups this figure covers .*as of the last evidence collection/);
    expect(k.definition).not.toMatch(/every model group/);
  });

  it("deployment frequency and change failure rate count production deployments and rollbacks", () => {
    const e = reliableSolution({
      deployments: known([
        { packageArn: pkgArn(1), stage: "prod", at: NOW - 28 * DAY, rollback: false },
        { packageArn: pkgArn(2), stage: "prod", at: NOW - 18 * DAY, rollback: false },
        { packageArn: pkgArn(1), stage: "prod", at: NOW - 16 * DAY, rollback: true },
        { packageArn: pkgArn(2), stage: "prod", at: NOW - 5 * DAY, rollback: false },
      ]),
    });
    expect(kpi("deploymentFrequency", [e], NOW, 28).value).toBe(0.75); // 3 deployments / 4 weeks
    const cfr = kpi("changeFailureRate", [e], NOW, 28);
    expect(cfr.n).toBe(3);
    expect(cfr.value).toBe(33.3);
  });

  it("pipeline success rate ignores stopped runs; prod model age is in days", () => {
    expect(kpi("pipelineSuccess", [reliableSolution()], NOW).value).toBe(75);
    expect(kpi("prodModelAge", [reliableSolution()], NOW).value).toBe(38);
  });

  it("adds solutions up for the organisation", () => {
    expect(kpi("leadTime", [reliableSolution(), reliableSolution({ key: "b" })], NOW).n).toBe(4);
  });
});
