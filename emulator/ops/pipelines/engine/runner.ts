import { isObject, type JsonObject } from "../../../core/json";
import type { StepState } from "../records";
import type { StepDef } from "./definition";
import { evaluate } from "./expressions";
import { scopeFor, type Run } from "./run";

/**
 * A step type. `start` does the work of starting the step (creating jobs, evaluating conditions) and
 * returns how long the attempt takes in simulated seconds, or `undefined` to wait (Callback).
 * `finish` runs when the attempt is due; `st.xFail` is set when the attempt fails.
 */
export interface Runner {
  start(run: Run, step: StepDef, st: StepState): Promise<number | undefined>;
  finish?(run: Run, step: StepDef, st: StepState): Promise<void>;
}

const runners = new Map<string, Runner>();

export function defineRunner(types: string[], r: Runner): void {
  for (const t of types) runners.set(t, r);
}

export function runnerFor(type: string): Runner | undefined {
  return runners.get(type);
}

/** The step's Arguments with every expression resolved. */
export function resolvedArgs(run: Run, step: StepDef, extraVars: Record<string, string> = {}): JsonObject {
  const v = evaluate(step.Arguments, scopeFor(run, extraVars));
  return isObject(v) ? v : {};
}

/** A deterministic duration between lo and hi simulated seconds for this step. */
export function durationBetween(run: Run, lo: number, hi: number): number {
  return Math.round(lo + run.ctx.random() * (hi - lo));
}
