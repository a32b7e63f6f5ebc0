/**
 * SelectiveExecutionConfig on StartPipelineExecution: only the selected steps run; every other step the source
 * execution completed successfully is carried over as it was (its properties, property files, condition outcome
 * and metadata), marked with SelectiveExecutionResult{SourcePipelineExecutionArn}. The refusals are
 * ValidationExceptions, as SageMaker answers a bad selection.
 */
import type { Ctx } from "../../core/context";
import { validation } from "../../core/errors";
import { isObject, type JsonObject } from "../../core/json";
import type { Validator } from "../../core/validate";
import type { Definition } from "./engine/definition";
import { executions, type ExecutionRecord, type PipelineRecord, type StepState } from "./records";

export interface SelectiveConfig extends JsonObject {
  SourcePipelineExecutionArn?: string;
  SelectedSteps: { StepName: string }[];
}

const EXEC_ARN = /^arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:pipeline\/.*\/execution\/.*$/;

/** Reads SelectiveExecutionConfig (shape and constraints of the botocore model). */
export function parseSelective(v: Validator): SelectiveConfig | undefined {
  const c = v.object("SelectiveExecutionConfig");
  if (!c) return undefined;
  const path = "SelectiveExecutionConfig";
  const source = v.string(
    "SourcePipelineExecutionArn",
    { min: 0, max: 2048, pattern: EXEC_ARN },
    c,
    `${path}.SourcePipelineExecutionArn`,
  );
  const list =
    v.array("SelectedSteps", { required: true, min: 1, max: 50 }, c, `${path}.SelectedSteps`) ?? [];
  const steps = list.map((s, i) => {
    const o = isObject(s) ? s : {};
    const name = v.string(
      "StepName",
      { required: true, min: 0, max: 256 },
      o,
      `${path}.SelectedSteps.${i + 1}.member.StepName`,
    );
    return { StepName: name ?? "" };
  });
  return { ...(source ? { SourcePipelineExecutionArn: source } : {}), SelectedSteps: steps };
}

/** Every step `from` reaches by following dependants (the steps that wait for it), `from` excluded. */
function downstream(def: Definition, from: string): Set<string> {
  const out = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const cur = queue.shift() ?? "";
    for (const s of def.steps)
      if (s.deps.includes(cur) && !out.has(s.Name)) {
        out.add(s.Name);
        queue.push(s.Name);
      }
  }
  return out;
}

/** Every step `of` waits for, directly or not. */
function upstream(def: Definition, of: string): Set<string> {
  const out = new Set<string>();
  const queue = [of];
  while (queue.length > 0) {
    const cur = def.byName.get(queue.shift() ?? "");
    for (const d of cur?.deps ?? [])
      if (!out.has(d)) {
        out.add(d);
        queue.push(d);
      }
  }
  return out;
}

function sourceExecution(ctx: Ctx, p: PipelineRecord, arn: string): ExecutionRecord {
  const src = executions(ctx.state).get(arn);
  if (!src || src.PipelineArn !== p.PipelineArn)
    throw validation(
      `Invalid SourcePipelineExecutionArn: ${arn}. The source pipeline execution must be an execution of pipeline ${p.PipelineArn}.`,
    );
  if (src.PipelineExecutionStatus !== "Succeeded" && src.PipelineExecutionStatus !== "Failed")
    throw validation(
      `Invalid SourcePipelineExecutionArn: ${arn}. The source pipeline execution is in ${src.PipelineExecutionStatus} status; only executions in Succeeded or Failed status can be used for selective execution.`,
    );
  return src;
}

/**
 * Checks the selection against the definition and the source execution; returns the names to run and the
 * source's steps to carry over (copies, marked with SelectiveExecutionResult).
 */
export function prepareSelective(
  ctx: Ctx,
  p: PipelineRecord,
  def: Definition,
  cfg: SelectiveConfig,
): { selected: string[]; reused: StepState[] } {
  const selected = cfg.SelectedSteps.map((s) => s.StepName);
  const seen = new Set<string>();
  for (const name of selected) {
    if (!def.byName.has(name))
      throw validation(`Step '${name}' in SelectedSteps is not present in the pipeline definition.`);
    if (seen.has(name)) throw validation(`Step '${name}' is specified more than once in SelectedSteps.`);
    seen.add(name);
  }
  // every step on a path between two selected steps must be selected too
  for (const a of selected) {
    const below = downstream(def, a);
    for (const b of selected) {
      if (a === b || !below.has(b)) continue;
      const between = [...upstream(def, b)].filter((s) => below.has(s) && !seen.has(s));
      if (between.length > 0)
        throw validation(
          `The selected steps [${a}, ${b}] have steps between them that are not selected: [${between.join(", ")}]. All steps in all paths between two selected steps must be included.`,
        );
    }
  }
  const needed = new Set<string>();
  for (const name of selected) for (const u of upstream(def, name)) if (!seen.has(u)) needed.add(u);
  const arn = cfg.SourcePipelineExecutionArn;
  if (!arn) {
    if (needed.size > 0)
      throw validation(
        `Invalid SourcePipelineExecutionArn: null. The selected steps [${selected.join(", ")}] have dependencies on [${[...needed].join(", ")}]`,
      );
    return { selected, reused: [] };
  }
  const src = sourceExecution(ctx, p, arn);
  const missing = [...needed].filter(
    (n) => src.Steps.find((s) => s.StepName === n)?.StepStatus !== "Succeeded",
  );
  if (missing.length > 0)
    throw validation(
      `Invalid SourcePipelineExecutionArn: ${arn}. The selected steps [${selected.join(", ")}] depend on steps that did not succeed in the source execution: [${missing.join(", ")}]`,
    );
  const reused: StepState[] = [];
  for (const s of src.Steps) {
    if (seen.has(s.StepName) || s.StepStatus !== "Succeeded" || !def.byName.has(s.StepName)) continue;
    const copy = structuredClone(s);
    delete copy.xDueAt;
    delete copy.xRestart;
    delete copy.xCacheKey;
    delete copy.xCached;
    delete copy.CacheHitResult;
    copy.SelectiveExecutionResult = { SourcePipelineExecutionArn: arn };
    reused.push(copy);
  }
  return { selected, reused };
}
