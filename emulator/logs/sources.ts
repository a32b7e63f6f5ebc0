/**
 * The jobs that have logs, read from the SageMaker state of one account: training and processing job records, and
 * the pipeline steps that ran them (their planned end, failure and final metrics while the job still runs) or
 * that simulate a transform job (no record of its own). Built lazily and cached until the state changes.
 */
import { isObject, str, type JsonObject } from "../core/json";
import type { State } from "../core/state";
import { processingJobs, trainingJobs, type JobRecord } from "../ops/jobs/store";
import { executions, type StepState } from "../ops/pipelines/records";

export type JobKind = "training" | "processing" | "transform";

export const LOG_GROUPS: Record<JobKind, string> = {
  training: "/aws/sagemaker/TrainingJobs",
  processing: "/aws/sagemaker/ProcessingJobs",
  transform: "/aws/sagemaker/TransformJobs",
};

export interface Metric {
  name: string;
  value: number;
}

/** Everything the log lines of one job are derived from (epoch seconds). */
export interface JobSource {
  kind: JobKind;
  name: string;
  start: number;
  /** when the job ended (absent while it runs) */
  end?: number;
  status: "InProgress" | "Completed" | "Failed" | "Stopped" | "Stopping";
  /** when the pipeline step planned the job to finish, while it runs */
  plannedEnd?: number;
  failure?: string;
  instances: number;
  instanceType: string;
  image: string;
  hyperParameters: Record<string, string>;
  metrics: Metric[];
  inputs: string[];
  outputs: string[];
}

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

function metricsOf(v: unknown): Metric[] {
  return list(v).map((m) => ({ name: str(m.MetricName) ?? "", value: num(m.Value) ?? 0 }));
}

function statusOf(s: string | undefined): JobSource["status"] {
  return s === "Completed" || s === "Failed" || s === "Stopped" || s === "Stopping" ? s : "InProgress";
}

function hpOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

function training(j: JobRecord, step: StepState | undefined): JobSource {
  const res = isObject(j.ResourceConfig) ? j.ResourceConfig : {};
  const algo = isObject(j.AlgorithmSpecification) ? j.AlgorithmSpecification : {};
  const status = statusOf(str(j.TrainingJobStatus));
  const planned = metricsOf(step?.xProps?.FinalMetricDataList);
  const done = status !== "InProgress" && status !== "Stopping";
  return {
    kind: "training",
    name: str(j.TrainingJobName) ?? "",
    start: num(j.TrainingStartTime) ?? j.CreationTime,
    end: done ? num(j.TrainingEndTime) : undefined,
    status,
    plannedEnd: done ? undefined : step?.xDueAt,
    failure: str(j.FailureReason) ?? (done ? undefined : step?.xFail),
    instances: num(res.InstanceCount) ?? 1,
    instanceType: str(res.InstanceType) ?? "ml.m5.xlarge",
    image: str(algo.TrainingImage) ?? str(algo.AlgorithmName) ?? "xgboost",
    hyperParameters: hpOf(j.HyperParameters),
    metrics: j.FinalMetricDataList !== undefined ? metricsOf(j.FinalMetricDataList) : planned,
    inputs: list(j.InputDataConfig).map(
      (c) => `${str(c.ChannelName) ?? "train"}=${str(obj(obj(c.DataSource)?.S3DataSource)?.S3Uri) ?? ""}`,
    ),
    outputs: [str(obj(j.ModelArtifacts)?.S3ModelArtifacts) ?? ""].filter(Boolean),
  };
}

const obj = (v: unknown): JsonObject | undefined => (isObject(v) ? v : undefined);

function processing(j: JobRecord, step: StepState | undefined): JobSource {
  const cluster = obj(obj(j.ProcessingResources)?.ClusterConfig) ?? {};
  const status = statusOf(str(j.ProcessingJobStatus));
  const done = status !== "InProgress" && status !== "Stopping";
  return {
    kind: "processing",
    name: str(j.ProcessingJobName) ?? "",
    start: num(j.ProcessingStartTime) ?? j.CreationTime,
    end: done ? num(j.ProcessingEndTime) : undefined,
    status,
    plannedEnd: done ? undefined : step?.xDueAt,
    failure: str(j.FailureReason) ?? (done ? undefined : step?.xFail),
    instances: num(cluster.InstanceCount) ?? 1,
    instanceType: str(cluster.InstanceType) ?? "ml.m5.xlarge",
    image: str(obj(j.AppSpecification)?.ImageUri) ?? "sklearn",
    hyperParameters: {},
    metrics: [],
    inputs: list(j.ProcessingInputs)
      .map((i) => str(obj(i.S3Input)?.S3Uri) ?? "")
      .filter(Boolean),
    outputs: list(obj(j.ProcessingOutputConfig)?.Outputs)
      .map((o) => str(obj(o.S3Output)?.S3Uri) ?? "")
      .filter(Boolean),
  };
}

function transform(st: StepState): JobSource | undefined {
  const name = str(st.xProps?.TransformJobName);
  if (!name || st.xCached) return undefined;
  const done = st.StepStatus !== "Executing" && st.StepStatus !== "Starting" && st.StepStatus !== "Stopping";
  return {
    kind: "transform",
    name,
    start: st.StartTime,
    end: done ? (st.EndTime ?? st.StartTime) : undefined,
    status: done ? (st.StepStatus === "Succeeded" ? "Completed" : statusOf(st.StepStatus)) : "InProgress",
    plannedEnd: done ? undefined : st.xDueAt,
    failure: st.FailureReason ?? st.xFail,
    instances: 1,
    instanceType: "ml.m5.xlarge",
    image: str(st.xProps?.ModelName) ?? "model",
    hyperParameters: {},
    metrics: [],
    inputs: [],
    outputs: [str(obj(st.xProps?.TransformOutput)?.S3OutputPath) ?? ""].filter(Boolean),
  };
}

export interface Catalog {
  /** by log group name: jobs in start order */
  groups: Map<string, JobSource[]>;
  /** by job name (case-insensitive) */
  byName: Map<string, JobSource>;
}

const cache = new WeakMap<State, { version: number; catalog: Catalog }>();

/** Every job of the account that writes logs; rebuilt only when the state changed. */
export function catalogOf(state: State): Catalog {
  const hit = cache.get(state);
  if (hit && hit.version === state.version) return hit.catalog;
  const version = state.version;
  const steps = new Map<string, StepState>();
  const sources: JobSource[] = [];
  for (const e of executions(state).values())
    for (const st of e.Steps) {
      const job = str(st.xProps?.TrainingJobName) ?? str(st.xProps?.ProcessingJobName);
      if (job) steps.set(job.toLowerCase(), st);
      if (st.xType === "Transform") {
        const t = transform(st);
        if (t) sources.push(t);
      }
    }
  for (const [key, j] of trainingJobs(state).entries()) sources.push(training(j, steps.get(key)));
  for (const [key, j] of processingJobs(state).entries()) sources.push(processing(j, steps.get(key)));
  sources.sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : 1));
  const groups = new Map<string, JobSource[]>();
  const byName = new Map<string, JobSource>();
  for (const s of sources) {
    const g = LOG_GROUPS[s.kind];
    let inGroup = groups.get(g);
    if (!inGroup) groups.set(g, (inGroup = []));
    inGroup.push(s);
    byName.set(`${s.kind}:${s.name.toLowerCase()}`, s);
  }
  const catalog = { groups, byName };
  cache.set(state, { version, catalog });
  return catalog;
}
