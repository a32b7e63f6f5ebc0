/**
 * Deployments made by deploy pipelines (pure). A Succeeded execution of a model group's deploy pipeline (source,
 * staging, tests, approval gate, production) is one production deployment, at the time it finished. The same
 * deployment is also seen from the production endpoint's configs (DeploymentEvent, approx): a config-derived
 * deployment of that group falling within a Succeeded execution's span is that execution, counted once.
 */
import type { DeployPipelineEvidence, DeploymentEvent, EndpointEvidence } from "./types";

export interface PipelineRun {
  pipeline: DeployPipelineEvidence;
  id: string;
  startedAt: number;
  /** when it finished (its last update) */
  at: number;
}

/** `arn:aws:sagemaker:…:model-package/<group>/<version>` → `<group>` */
export function groupOfPackage(arn: string | undefined): string | undefined {
  return arn ? /:model-package\/([^/]+)\/\d+$/.exec(arn)?.[1] : undefined;
}

/** Succeeded executions that finished in [since, now], each once (a pipeline shared by groups is listed once). */
export function succeededRuns(
  pipelines: DeployPipelineEvidence[],
  since: number,
  now: number,
): PipelineRun[] {
  const seen = new Set<string>();
  const out: PipelineRun[] = [];
  for (const p of pipelines)
    for (const x of p.executions) {
      const at = x.endedAt ?? x.startedAt;
      const key = `${p.ref.id}/${x.id}`;
      if (x.status !== "Succeeded" || at < since || at > now || seen.has(key)) continue;
      seen.add(key);
      out.push({ pipeline: p, id: x.id, startedAt: x.startedAt, at });
    }
  return out.sort((a, b) => b.at - a.at);
}

/**
 * The newest Succeeded run of the deploy pipeline of the group an endpoint serves (its variants' model packages),
 * if any: that endpoint is deployed by automation.
 */
export function deployedBy(ep: EndpointEvidence, runs: PipelineRun[]): PipelineRun | undefined {
  const groups = new Set(ep.variants.map((v) => groupOfPackage(v.modelPackageArn)).filter((g) => g));
  return runs.find((r) => r.pipeline.groups.some((g) => groups.has(g)));
}

/**
 * Production deployments counted once: every Succeeded run, plus each config-derived deployment that no run of
 * its group's pipeline spans (a direct deployment, or one outside the pipelines' listed executions).
 */
export function countDeployments(
  deps: DeploymentEvent[],
  runs: PipelineRun[],
): { direct: DeploymentEvent[]; runs: PipelineRun[] } {
  const spanned = (d: DeploymentEvent) => {
    const group = groupOfPackage(d.packageArn);
    return runs.some(
      (r) => !!group && r.pipeline.groups.includes(group) && d.at >= r.startedAt && d.at <= r.at,
    );
  };
  return { direct: deps.filter((d) => !spanned(d)), runs };
}
