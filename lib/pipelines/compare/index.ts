/**
 * Two executions of one pipeline side by side: parameters (differences flagged), per-step status and duration
 * (a step in one definition only is flagged as a definition change), and the training steps' final metrics.
 */
import { ValidationError } from "@/lib/errors";
import { describeExecutionDetail, describeTrainingJob } from "@/lib/sagemaker/pipelines/executions";
import { describePipeline, executionDefinition } from "@/lib/sagemaker/pipelines/reads";
import type { ExecutionDetail, StepInfo } from "@/lib/sagemaker/pipelines/types";

export interface ComparedSide {
  id: string;
  displayName: string;
  status: string;
  startedAt: number | undefined;
  durationMs: number | undefined;
  pipelineVersionId: number | undefined;
  rerunOf: string | undefined;
}

export interface ParameterRow {
  name: string;
  a: string | undefined;
  b: string | undefined;
  differs: boolean;
}

export interface StepSide {
  status: string;
  durationMs: number | undefined;
  reused: boolean;
}

export interface StepRow {
  name: string;
  type: string;
  /** undefined when the step is in that execution's definition but did not run (or not yet) */
  a: StepSide | undefined;
  b: StepSide | undefined;
  /** the step is in one execution's definition only */
  onlyIn: "a" | "b" | undefined;
  statusDiffers: boolean;
  durationDeltaMs: number | undefined;
}

export interface MetricRow {
  step: string;
  metric: string;
  a: number | undefined;
  b: number | undefined;
}

export interface ExecutionComparison {
  pipeline: string;
  a: ComparedSide;
  b: ComparedSide;
  definitionChanged: boolean;
  parameters: ParameterRow[];
  steps: StepRow[];
  metrics: MetricRow[];
}

const side = (e: ExecutionDetail): ComparedSide => ({
  id: e.id,
  displayName: e.displayName,
  status: e.status,
  startedAt: e.startedAt,
  durationMs: e.durationMs,
  pipelineVersionId: e.pipelineVersionId,
  rerunOf: e.rerunOf?.id,
});

const stepDuration = (s: StepInfo) =>
  s.startedAt !== undefined && s.endedAt !== undefined ? s.endedAt - s.startedAt : undefined;

const stepSide = (s: StepInfo | undefined): StepSide | undefined =>
  s ? { status: s.status, durationMs: stepDuration(s), reused: s.reusedFromArn !== undefined } : undefined;

/** Parameters of both, in name order, with differences flagged. */
export function compareParameters(a: Record<string, string>, b: Record<string, string>): ParameterRow[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.map((name) => ({ name, a: a[name], b: b[name], differs: a[name] !== b[name] }));
}

/** The final metrics of a training step's job, by metric name (none when the step ran no job). */
async function trainingMetrics(s: StepInfo | undefined): Promise<Map<string, number>> {
  const arn = s?.kind === "TrainingJob" ? s.resourceArn : undefined;
  if (!arn) return new Map();
  const job = await describeTrainingJob(arn.slice(arn.lastIndexOf("/") + 1)).catch(() => undefined);
  return new Map((job?.metrics ?? []).map((m) => [m.name, m.value]));
}

export async function compareExecutions(
  pipeline: string,
  idA: string,
  idB: string,
): Promise<ExecutionComparison> {
  if (idA === idB) throw new ValidationError("Pick two different executions to compare.");
  const p = await describePipeline(pipeline);
  const arnA = `${p.arn}/execution/${idA}`;
  const arnB = `${p.arn}/execution/${idB}`;
  const [a, b, defA, defB] = await Promise.all([
    describeExecutionDetail(arnA),
    describeExecutionDetail(arnB),
    executionDefinition(arnA),
    executionDefinition(arnB),
  ]);
  const inA = new Map(defA.steps.map((s) => [s.name, s.type]));
  const inB = new Map(defB.steps.map((s) => [s.name, s.type]));
  const names = [...inA.keys(), ...[...inB.keys()].filter((n) => !inA.has(n))];
  const steps = names.map((name): StepRow => {
    const sa = stepSide(a.steps.find((s) => s.name === name));
    const sb = stepSide(b.steps.find((s) => s.name === name));
    return {
      name,
      type: inA.get(name) ?? inB.get(name) ?? "",
      a: sa,
      b: sb,
      onlyIn: !inB.has(name) ? "a" : !inA.has(name) ? "b" : undefined,
      statusDiffers: (sa?.status ?? "") !== (sb?.status ?? ""),
      durationDeltaMs:
        sa?.durationMs !== undefined && sb?.durationMs !== undefined
          ? sb.durationMs - sa.durationMs
          : undefined,
    };
  });
  const metrics: MetricRow[] = [];
  for (const name of names.filter((n) => (inA.get(n) ?? inB.get(n)) === "Training")) {
    const [ma, mb] = await Promise.all([
      trainingMetrics(a.steps.find((s) => s.name === name)),
      trainingMetrics(b.steps.find((s) => s.name === name)),
    ]);
    for (const metric of [...new Set([...ma.keys(), ...mb.keys()])].sort())
      metrics.push({ step: name, metric, a: ma.get(metric), b: mb.get(metric) });
  }
  return {
    pipeline: p.name,
    a: side(a),
    b: side(b),
    definitionChanged:
      a.pipelineVersionId !== b.pipelineVersionId || steps.some((s) => s.onlyIn !== undefined),
    parameters: compareParameters(a.parameters, b.parameters),
    steps,
    metrics,
  };
}
