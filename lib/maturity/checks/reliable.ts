import type { EndpointEvidence, SolutionEvidence } from "../types";
import { firstN, grade, need, ratio, type CheckDefinition } from "./define";
import { L1_CHECK } from "./reliable-l1";
import { L4_CHECK } from "./reliable-l4";
import { L5_CHECK } from "./reliable-l5";
import { L10_CHECK } from "./reliable-l10";

const prodEndpoints = (e: SolutionEvidence): EndpointEvidence[] =>
  need(e.endpoints).filter((ep) => ep.stage === "prod");

const livePackages = (eps: EndpointEvidence[]): string[] => [
  ...new Set(eps.flatMap((ep) => ep.variants.map((v) => v.modelPackageArn).filter((a): a is string => !!a))),
];

/**
 * How old a monitor's last run may be: twice its cadence, but at least 26 hours — hourly schedules are
 * commonly executed or reported as a daily roll-up, and a day-old run of such a monitor is not stale.
 */
export const freshFor = (cadenceSeconds = 3600) => Math.max(2 * cadenceSeconds, 26 * 3600) * 1000;

export const RELIABLE_CHECKS: CheckDefinition[] = [
  L1_CHECK,
  {
    id: "L-2",
    phase: "Reliable",
    title: "Only approved versions serve production",
    threshold: "every production variant serves an Approved registry version",
    action: "Deploy production only from registry versions, triggered when a version is approved.",
    run(e) {
      const eps = prodEndpoints(e);
      if (eps.length === 0) return { status: "na", observed: "no production endpoint" };
      const pkgs = new Map(need(e.modelPackages).map((p) => [p.ref.id, p]));
      const problems: { label: string; ref: EndpointEvidence["ref"] }[] = [];
      for (const ep of eps)
        for (const v of ep.variants) {
          if (!v.modelPackageArn)
            problems.push({
              label: `${ep.ref.label} serves a raw model artifact, not a registry version`,
              ref: ep.ref,
            });
          else {
            const p = pkgs.get(v.modelPackageArn);
            if (!p)
              problems.push({
                label: `${ep.ref.label} serves ${v.modelPackageArn}, which is not in the registry scope`,
                ref: ep.ref,
              });
            else if (p.approvalStatus !== "Approved")
              problems.push({
                label: `${ep.ref.label} serves ${p.ref.label}, which is ${p.approvalStatus}`,
                ref: p.ref,
              });
          }
        }
      return {
        status: problems.length === 0 ? "pass" : "fail",
        observed:
          problems.length === 0
            ? `${eps.length} production endpoints serve approved versions`
            : `${problems.length} production variants serve unapproved models`,
        evidence: problems.length ? problems : eps.map((ep) => ({ label: ep.ref.label, ref: ep.ref })),
      };
    },
  },
  {
    id: "L-3",
    phase: "Reliable",
    title: "Staging before production",
    threshold: "every live production version was deployed to staging first (partial: ≥50%)",
    action: "Add a staging stage to the deployment pipeline and promote to production only from staging.",
    run(e) {
      const live = livePackages(prodEndpoints(e));
      if (live.length === 0)
        return { status: "na", observed: "no production endpoint serves a registry version" };
      const deps = need(e.deployments);
      const first = (arn: string, stage: string) =>
        Math.min(...deps.filter((d) => d.packageArn === arn && d.stage === stage).map((d) => d.at));
      const staged = live.filter((arn) => first(arn, "staging") < first(arn, "prod"));
      return {
        status: grade(staged.length, live.length, 1, 0.5),
        observed: `${ratio(staged.length, live.length)} of live production versions went through staging`,
      };
    },
  },
  L4_CHECK,
  L5_CHECK,
  {
    id: "L-6",
    phase: "Reliable",
    required: false,
    title: "Tests in staging before production",
    threshold: "test evidence on ≥80% of promotions to production",
    action:
      "Attach integration and load test results against the staging endpoint to every promotion to production.",
    run(e) {
      const promos = need(e.decisions).filter((d) => d.action === "promote" && d.stage === "prod");
      if (promos.length === 0)
        return { status: "na", observed: "no promotion to production recorded in SageDeck" };
      const tested = promos.filter((d) => d.testEvidence);
      return {
        status: grade(tested.length, promos.length, 0.8, 0),
        observed: `${ratio(tested.length, promos.length)} with test evidence`,
      };
    },
  },
  {
    id: "L-7",
    phase: "Reliable",
    required: false,
    title: "Safe rollout and rollback",
    threshold:
      "production updates use canary, linear or rolling rollout with rollback alarms (partial: all at once)",
    action: "Use deployment guardrails (canary/linear) with CloudWatch alarms for auto-rollback.",
    run(e) {
      const updated = prodEndpoints(e).filter((ep) => ep.rollout);
      if (updated.length === 0) return { status: "na", observed: "no production endpoint has been updated" };
      const safe = updated.filter(
        (ep) => ep.rollout && ep.rollout.type !== "ALL_AT_ONCE" && ep.rollout.rollbackAlarms,
      );
      return {
        status: safe.length === updated.length ? "pass" : "partial",
        observed: `${ratio(safe.length, updated.length)} with guarded rollout`,
      };
    },
  },
  {
    id: "L-8",
    phase: "Reliable",
    title: "Production monitoring is live",
    threshold:
      "every production endpoint captures data and has a Scheduled data-quality monitor that ran within twice its cadence (at least 26 hours: hourly schedules are often rolled up daily)",
    action:
      "Enable data capture and create Model Monitor data-quality and model-quality schedules from the registered baselines.",
    run(e) {
      const eps = prodEndpoints(e);
      if (eps.length === 0) return { status: "na", observed: "no production endpoint" };
      const mons = need(e.monitoring);
      let live = 0;
      let partial = 0;
      const evidence = [];
      for (const ep of eps) {
        const dq = mons.find(
          (m) =>
            m.endpointName === ep.ref.id &&
            m.type === "DataQuality" &&
            (m.account === undefined || ep.account === undefined || m.account === ep.account),
        );
        const fresh =
          dq?.status === "Scheduled" &&
          dq.lastRun !== undefined &&
          ["Completed", "CompletedWithViolations"].includes(dq.lastRun.status) &&
          e.now - dq.lastRun.at <= freshFor(dq.cadenceSeconds);
        if (ep.dataCapture && fresh) live++;
        else if (dq) partial++;
        evidence.push({
          label: `${ep.ref.label}: ${!dq ? "no data-quality schedule" : !ep.dataCapture ? "data capture off" : fresh ? "monitored" : `last run ${dq.lastRun?.status ?? "never"}`}`,
          ref: dq?.ref ?? ep.ref,
          at: dq?.lastRun?.at,
        });
      }
      const status = live === eps.length ? "pass" : live + partial > 0 ? "partial" : "fail";
      return {
        status,
        observed: `${ratio(live, eps.length)} of production endpoints monitored`,
        evidence: firstN(evidence),
      };
    },
  },
  L10_CHECK,
];
