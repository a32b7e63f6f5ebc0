/** What a step runner gets: the execution, its definition, the scope for expressions, helper calls. */
import { arn, shortId } from "../../../core/arn";
import type { Ctx } from "../../../core/context";
import type { JsonObject, JsonValue } from "../../../core/json";
import { getOperation } from "../../../core/registry";
import { getObject } from "../../jobs/s3";
import type { ExecutionRecord, StepState } from "../records";
import type { Definition, ParamType, StepDef } from "./definition";
import type { Scope } from "./expressions";

export interface Run {
  /** acting as the execution's creator, on the caller's clock */
  ctx: Ctx;
  exec: ExecutionRecord;
  def: Definition;
}

/** Calls an operation if it is implemented; undefined when it is not (the step is then simulated). */
export async function tryCall(ctx: Ctx, op: string, input: JsonObject): Promise<JsonObject | undefined> {
  if (!getOperation(op)) return undefined;
  return ctx.call(op, input);
}

export const iso = (t: number) => new Date(Math.round(t * 1000)).toISOString().replace(/\.\d{3}Z$/, "Z");

export function typedParam(type: ParamType, value: string): JsonValue {
  switch (type) {
    case "Integer":
      return Number.parseInt(value, 10);
    case "Float":
      return Number(value);
    case "Boolean":
      return value.toLowerCase() === "true";
    default:
      return value;
  }
}

export function stepState(run: Run, name: string): StepState | undefined {
  return run.exec.Steps.find((s) => s.StepName === name);
}

export function scopeFor(run: Run, extraVars: Record<string, string> = {}): Scope {
  const { exec, def, ctx } = run;
  return {
    param: (name) => {
      const p = def.params.find((x) => x.Name === name);
      const v = exec.PipelineParameters.find((x) => x.Name === name);
      if (!p || !v) return undefined;
      return typedParam(p.Type, v.Value);
    },
    execVar: (name) => {
      switch (name) {
        case "StartDateTime":
          return iso(exec.CreationTime);
        case "CurrentDateTime":
          return iso(ctx.now());
        case "PipelineName":
          return exec.PipelineName;
        case "PipelineArn":
          return exec.PipelineArn;
        case "PipelineExecutionId":
          return exec.ExecutionId;
        case "PipelineExecutionArn":
          return exec.PipelineExecutionArn;
        default:
          return extraVars[name];
      }
    },
    stepProps: (name) => {
      const st = stepState(run, name);
      return st?.StepStatus === "Succeeded" ? st.xProps : undefined;
    },
    propertyFileUri: (step, file) => {
      const st = stepState(run, step);
      return st?.StepStatus === "Succeeded" ? st.xPropertyFiles?.[file] : undefined;
    },
    readS3: (uri) => getObject(ctx.state, uri)?.body,
  };
}

/** `pipelines-<execution id>-<step>-<10 random>` within SageMaker's 63-character job-name limit. */
export function jobName(run: Run, step: StepDef): string {
  const stepPart = step.Name.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "step";
  const suffix = shortId(() => run.ctx.random(), 10);
  const head = `pipelines-${run.exec.ExecutionId}-`;
  const room = 63 - head.length - suffix.length - 1;
  return `${head}${stepPart.slice(0, room).replace(/-+$/, "")}-${suffix}`;
}

/** Steps this one depends on, transitively, nearest first. */
export function upstream(run: Run, step: StepDef): StepDef[] {
  const out: StepDef[] = [];
  const seen = new Set<string>();
  let frontier = [...step.deps];
  while (frontier.length) {
    const next: string[] = [];
    for (const n of frontier) {
      if (seen.has(n)) continue;
      seen.add(n);
      const s = run.def.byName.get(n);
      if (!s) continue;
      out.push(s);
      next.push(...s.deps);
    }
    frontier = next;
  }
  return out;
}

export { arn };
