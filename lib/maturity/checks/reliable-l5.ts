/**
 * L-5 "Deployment automated" (Reliable, advisory): every production endpoint was created by a stack or a project
 * (its tags), or is deployed by its model group's deploy pipeline — a Succeeded execution of it in the window
 * (lib/maturity/pipeline-deployments.ts). Unknown only when an endpoint needs the pipelines and they could not
 * be read.
 */
import { known, type EndpointEvidence, type SolutionEvidence } from "../types";
import { deployedBy, succeededRuns } from "../pipeline-deployments";
import { DAY_MS, firstN, need, ratio, type CheckDefinition } from "./define";

const prodEndpoints = (e: SolutionEvidence): EndpointEvidence[] =>
  need(e.endpoints).filter((ep) => ep.stage === "prod");

export const L5_CHECK: CheckDefinition = {
  id: "L-5",
  phase: "Reliable",
  required: false,
  title: "Deployment automated",
  threshold:
    "all production endpoints created by a stack, a project or a CI role, or deployed by their group's deploy pipeline (a succeeded execution in the window)",
  action: "Deploy endpoints only through the project's deploy pipeline (CloudFormation/CDK).",
  run(e, cfg) {
    const eps = prodEndpoints(e);
    if (eps.length === 0) return { status: "na", observed: "no production endpoint" };
    const byTags = eps.filter((ep) => ep.automated);
    const runs =
      byTags.length === eps.length
        ? []
        : succeededRuns(need(e.deployPipelines ?? known([])), e.now - cfg.windowDays * DAY_MS, e.now);
    const evidence = eps.map((ep) => {
      if (ep.automated) return { label: `${ep.ref.label}: created by a stack or a project`, ref: ep.ref };
      const run = deployedBy(ep, runs);
      return run
        ? {
            label: `${ep.ref.label}: deployed by ${run.pipeline.ref.label} (execution ${run.id.slice(0, 8)} succeeded)`,
            ref: run.pipeline.ref,
            at: run.at,
          }
        : { label: `${ep.ref.label}: no stack, project or succeeded deploy pipeline execution`, ref: ep.ref };
    });
    const auto = eps.filter((ep) => ep.automated || deployedBy(ep, runs)).length;
    return {
      status: auto === eps.length ? "pass" : "fail",
      observed: `${ratio(auto, eps.length)} automated`,
      evidence: firstN(evidence),
    };
  },
};
