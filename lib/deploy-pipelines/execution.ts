/** What a deploy pipeline execution carries about the version it deploys: read from its actions' output variables. */
import type { ActionRunView } from "@/lib/sagemaker/codepipeline";

export interface DeployedEndpoint {
  stage: string;
  action: string;
  name: string;
  account?: string;
  status: string;
}

/** The model version an execution deploys: the ModelPackageArn its deploy actions export. */
export function versionOfRuns(runs: ActionRunView[]): string | undefined {
  return runs.find((r) => r.outputVariables.ModelPackageArn)?.outputVariables.ModelPackageArn;
}

/** The endpoints an execution's deploy actions created or updated, in run order. */
export function endpointsOfRuns(runs: ActionRunView[]): DeployedEndpoint[] {
  return [...runs]
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))
    .flatMap((r) =>
      r.outputVariables.EndpointName
        ? [
            {
              stage: r.stage,
              action: r.action,
              name: r.outputVariables.EndpointName,
              account: r.outputVariables.EndpointAccount,
              status: r.status,
            },
          ]
        : [],
    );
}

/** Test actions of an execution (their status and summary: the staging test results). */
export function testsOfRuns(runs: ActionRunView[]): { action: string; status: string; message?: string }[] {
  return runs
    .filter((r) => r.category === "Test")
    .map((r) => ({ action: r.action, status: r.status, message: r.errorMessage ?? r.summary }));
}

/** Groups action runs by execution id. */
export function byExecution(runs: ActionRunView[]): Map<string, ActionRunView[]> {
  const out = new Map<string, ActionRunView[]>();
  for (const r of runs) out.set(r.executionId, [...(out.get(r.executionId) ?? []), r]);
  return out;
}

/** The AWS console's timeline of an execution (AWS mode only). */
export const consoleUrl = (region: string, pipeline: string, executionId: string) =>
  `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${encodeURIComponent(pipeline)}/executions/${encodeURIComponent(executionId)}/timeline?region=${region}`;
