import type {
  Experiment as SdkExperiment,
  TrialComponent as SdkTrialComponent,
  TrialComponentParameterValue,
} from "@aws-sdk/client-sagemaker";
import type { Artifact, ExperimentRow, MetricSummary, RunDetail, RunRow } from "@/lib/experiments/types";

function paramValue(v: TrialComponentParameterValue): string | number {
  return v.NumberValue !== undefined ? v.NumberValue : (v.StringValue ?? "");
}

function artifacts(map: Record<string, { Value?: string; MediaType?: string }> | undefined): Artifact[] {
  return Object.entries(map ?? {}).map(([name, a]) => ({
    name,
    value: a.Value ?? "",
    mediaType: a.MediaType,
  }));
}

export function toRunRow(tc: SdkTrialComponent): RunRow {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(tc.Parameters ?? {})) params[k] = paramValue(v);
  const metrics: Record<string, MetricSummary> = {};
  for (const m of tc.Metrics ?? []) {
    if (!m.MetricName) continue;
    metrics[m.MetricName] = {
      name: m.MetricName,
      last: m.Last,
      min: m.Min,
      max: m.Max,
      avg: m.Avg,
      count: m.Count,
    };
  }
  const trial = tc.Parents?.[0]?.TrialName;
  return {
    name: tc.TrialComponentName ?? "",
    displayName: tc.DisplayName ?? tc.RunName ?? tc.TrialComponentName ?? "",
    status: tc.Status?.PrimaryStatus ?? "Unknown",
    statusMessage: tc.Status?.Message,
    startedAt: tc.StartTime?.getTime(),
    endedAt: tc.EndTime?.getTime(),
    sourceArn: tc.Source?.SourceArn,
    sourceType: tc.Source?.SourceType,
    executionId: trial && !trial.startsWith("Default-Run-Group-") ? trial : undefined,
    params,
    metrics,
  };
}

export function toRunDetail(tc: SdkTrialComponent): RunDetail {
  const parent = tc.Parents?.[0];
  const trialName = parent?.TrialName;
  const fromPipeline = trialName !== undefined && !trialName.startsWith("Default-Run-Group-");
  const tags: Record<string, string> = {};
  for (const t of tc.Tags ?? []) if (t.Key) tags[t.Key] = t.Value ?? "";
  return {
    ...toRunRow(tc),
    experimentName: parent?.ExperimentName,
    trialName,
    createdBy: tc.CreatedBy?.UserProfileName,
    inputs: artifacts(tc.InputArtifacts),
    outputs: artifacts(tc.OutputArtifacts),
    tags,
    pipelineExecutionId: fromPipeline ? trialName : undefined,
  };
}

/** The list row; runs, last activity and source come from the experiment's newest run. */
export function toExperimentRow(
  e: SdkExperiment,
  latest: { total: number; newest?: SdkTrialComponent },
): ExperimentRow {
  const trial = latest.newest?.Parents?.[0]?.TrialName;
  const pipeline =
    e.Source?.SourceType?.toLowerCase().includes("pipeline") ||
    (trial !== undefined && !trial.startsWith("Default-Run-Group-"));
  return {
    name: e.ExperimentName ?? "",
    displayName: e.DisplayName ?? e.ExperimentName ?? "",
    description: e.Description,
    source: pipeline ? "pipeline" : "manual",
    runs: latest.total,
    createdAt: e.CreationTime?.getTime(),
    lastActivityAt: (latest.newest?.LastModifiedTime ?? e.LastModifiedTime)?.getTime(),
  };
}
