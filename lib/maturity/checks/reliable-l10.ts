/**
 * L-10 "Autoscaled production" (Reliable, advisory): every production endpoint's variant is registered with
 * Application Auto Scaling (a scalable target on DesiredInstanceCount) and has a scaling policy; MinCapacity ≥ 2
 * keeps capacity across Availability Zones. Unknown when a production endpoint's account could not be read.
 */
import { unknown, type EndpointEvidence, type SolutionEvidence } from "../types";
import { firstN, need, ratio, type CheckDefinition } from "./define";

type Verdict = "resilient" | "single" | "none";

function verdict(ep: EndpointEvidence): { v: Verdict; label: string } {
  type Scaling = NonNullable<EndpointEvidence["autoscaling"]>;
  const missing: Scaling = unknown("the production endpoints' autoscaling was not collected");
  const s = need(ep.autoscaling ?? missing);
  const name = ep.ref.label;
  if (!s) return { v: "none", label: `${name}: no scalable target (fixed capacity)` };
  if (!s.policy)
    return { v: "none", label: `${name}: scalable target ${s.min}–${s.max} without a scaling policy` };
  const what = `${name}: ${s.min}–${s.max} instances, ${s.policy}`;
  return s.min >= 2 ? { v: "resilient", label: what } : { v: "single", label: `${what} (min 1: one AZ)` };
}

export const L10_CHECK: CheckDefinition = {
  id: "L-10",
  phase: "Reliable",
  required: false,
  title: "Autoscaled production",
  threshold:
    "every production variant has a scalable target and a scaling policy with MinCapacity ≥ 2 (partial: autoscaled with min 1)",
  action:
    "Register production variants with Application Auto Scaling (target tracking on SageMakerVariantInvocationsPerInstance) and keep at least 2 instances for AZ resilience.",
  run(e: SolutionEvidence) {
    const eps = need(e.endpoints).filter((ep) => ep.stage === "prod");
    if (eps.length === 0) return { status: "na", observed: "no production endpoint" };
    const results = eps.map((ep) => ({ ep, ...verdict(ep) }));
    const scaled = results.filter((r) => r.v !== "none");
    const resilient = results.filter((r) => r.v === "resilient");
    const status =
      resilient.length === eps.length ? "pass" : scaled.length === eps.length ? "partial" : "fail";
    return {
      status,
      observed: `${ratio(scaled.length, eps.length)} production endpoints autoscaled, ${resilient.length} with min ≥ 2`,
      evidence: firstN(results.map((r) => ({ label: r.label, ref: r.ep.ref }))),
    };
  },
};
