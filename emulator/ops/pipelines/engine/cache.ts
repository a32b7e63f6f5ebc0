/** CacheConfig: reuse a previous successful identical step (same pipeline, step, type and arguments). */
import { hash32 } from "../../../core/clock";
import { stableStringify } from "../../../core/json";
import { stepCache, type StepState } from "../records";
import type { StepDef } from "./definition";
import type { Run } from "./run";
import { resolvedArgs } from "./runner";

export const CACHEABLE = new Set([
  "Processing",
  "Training",
  "Tuning",
  "Transform",
  "Lambda",
  "Callback",
  "EMR",
  "QualityCheck",
  "ClarifyCheck",
  "AutoML",
]);

/** ISO-8601 duration (P30D, PT12H, P1W, P1Y2M) or the `30d` / `12h` form seen in real files → seconds. */
export function durationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const short = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text.trim());
  if (short) {
    const unit = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[short[2]!.toLowerCase() as "s"];
    return Number(short[1]) * unit;
  }
  const m =
    /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return n(1) * 31536000 + n(2) * 2592000 + n(3) * 604800 + n(4) * 86400 + n(5) * 3600 + n(6) * 60 + n(7);
}

export function cacheKey(run: Run, step: StepDef): string | undefined {
  if (!step.CacheConfig?.Enabled || !CACHEABLE.has(step.Type)) return undefined;
  let args: string;
  try {
    args = stableStringify(resolvedArgs(run, step));
  } catch {
    return undefined;
  }
  return `${run.exec.PipelineName.toLowerCase()}|${step.Name}|${step.Type}|${hash32(args)}:${args.length}`;
}

/** A cached step to reuse, if any and not expired. */
export function lookup(run: Run, step: StepDef, key: string): { arn: string; step: StepState } | undefined {
  const hit = stepCache(run.ctx.state).get(key);
  if (!hit || hit.arn === run.exec.PipelineExecutionArn) return undefined;
  const ttl = durationSeconds(step.CacheConfig?.ExpireAfter);
  if (ttl !== undefined && run.ctx.now() - hit.at > ttl) return undefined;
  return hit;
}

export function remember(run: Run, key: string, st: StepState): void {
  stepCache(run.ctx.state).set(key, { arn: run.exec.PipelineExecutionArn, at: run.ctx.now(), step: st });
}
