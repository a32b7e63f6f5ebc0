/**
 * The autoscaling policy SageDeck registers when it deploys to Production: `min=1 max=4 target=70` —
 * MinCapacity and MaxCapacity of the variant (instances) and the target-tracking TargetValue
 * (SageMakerVariantInvocationsPerInstance: invocations per instance per minute). `SAGEDECK_AUTOSCALING` sets the
 * organisation's default; a model group's tag `sagedeck:autoscaling` overrides any of the three for its solution.
 */
export interface AutoscalingPolicy {
  min: number;
  max: number;
  target: number;
}

export const DEFAULT_AUTOSCALING: AutoscalingPolicy = { min: 1, max: 4, target: 70 };
/** The model group tag whose value overrides the default for that solution, e.g. "min=2 max=6 target=100". */
export const AUTOSCALING_TAG = "sagedeck:autoscaling";
const MAX_INSTANCES = 100;

/**
 * Parses `min=… max=… target=…` over `base`: some or all of the keys, in either order, separated by spaces or commas. A tag value
 * must use spaces — AWS tag values may not contain commas (`[\p{L}\p{Z}\p{N}_.:/=+\-@]*`). Throws with a reason on an
 * unknown key, a non-number, min < 1, max < min, max > 100 or target ≤ 0.
 */
export function parseAutoscaling(
  text: string,
  base: AutoscalingPolicy = DEFAULT_AUTOSCALING,
): AutoscalingPolicy {
  const out = { ...base };
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(min|max|target)=([0-9]+(?:\.[0-9]+)?)$/i.exec(part);
    if (!m?.[1] || !m[2]) throw new Error(`"${part}" is not min=N, max=N or target=N`);
    const key = m[1].toLowerCase() as keyof AutoscalingPolicy;
    const n = Number(m[2]);
    if (key !== "target" && !Number.isInteger(n))
      throw new Error(`${key} must be a whole number of instances`);
    out[key] = n;
  }
  if (out.min < 1) throw new Error("min must be at least 1 instance");
  if (out.max < out.min) throw new Error(`max (${out.max}) must be at least min (${out.min})`);
  if (out.max > MAX_INSTANCES) throw new Error(`max must be at most ${MAX_INSTANCES} instances`);
  if (!(out.target > 0)) throw new Error("target must be more than 0 invocations per instance");
  return out;
}

/**
 * The policy for a solution: its group's `sagedeck:autoscaling` tag over the configured default. A tag that does
 * not parse is reported (the promotion then uses the default and says why), never silently ignored.
 */
export function policyForGroup(
  groupTags: Record<string, string>,
  base: AutoscalingPolicy,
): { policy: AutoscalingPolicy; from: "default" | "tag"; problem?: string } {
  const tag = groupTags[AUTOSCALING_TAG];
  if (tag === undefined) return { policy: base, from: "default" };
  try {
    return { policy: parseAutoscaling(tag, base), from: "tag" };
  } catch (err) {
    return {
      policy: base,
      from: "default",
      problem: `the group's ${AUTOSCALING_TAG} tag "${tag}" is invalid (${(err as Error).message}); the default was used`,
    };
  }
}
