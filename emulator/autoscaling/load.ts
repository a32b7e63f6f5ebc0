/**
 * The simulated load signal and target tracking. Every evaluation period the variant's invocations per minute
 * (a daily curve between ~70% of the target at MinCapacity and ~95% of it at MaxCapacity, with noise; or the
 * constant of the endpoint's `EmulatorInvocationsPerMinute` tag) set the desired count to
 * ceil(load / TargetValue) within min/max, respecting cooldowns, DisableScaleIn and SuspendedState. The desired
 * count shows at once in DescribeEndpoint; CurrentInstanceCount follows when the instances are provisioned.
 */
import { defineTicker } from "../core/registry";
import { SPEED, hash32 } from "../core/clock";
import type { Ctx } from "../core/context";
import { isObject, num, type JsonObject } from "../core/json";
import { getTags } from "../core/tags";
import { arn } from "../core/arn";
import { text } from "../codepipeline/store";
import { recordActivity, PROVISION_SECONDS } from "./activities";
import { readVariant, writeVariant } from "./variant";
import { policies, targetKey, targets, variantOf, type PolicyRecord, type TargetRecord } from "./store";

export const EVAL_SECONDS = 60;
export const LOAD_TAG = "EmulatorInvocationsPerMinute";

/** how fast simulated time runs (`speed`) and how often to evaluate (simulated seconds) */
export interface Pace {
  speed: number;
  every: number;
  /** where a target never evaluated starts (default: one step before `until`) */
  from?: number;
}

export function loadAt(ctx: Ctx, t: TargetRecord, target: number, at: number, speed: number): number {
  const ref = variantOf(t.ResourceId);
  const tag = ref
    ? getTags(ctx.state, arn("endpoint", ref.endpoint)).find((x) => x.Key === LOAD_TAG)
    : undefined;
  const fixed = tag ? Number(tag.Value) : NaN;
  if (Number.isFinite(fixed)) return fixed;
  const sim = at * speed;
  const day = (((sim % 86_400) + 86_400) % 86_400) / 86_400;
  const d = 0.5 + 0.5 * Math.cos(2 * Math.PI * (day - 14 / 24));
  const noise = 0.92 + (0.16 * hash32(`${t.ResourceId}:${Math.floor(sim / 900)}`)) / 4_294_967_296;
  const low = target * t.MinCapacity * 0.7;
  const high = target * t.MaxCapacity * 0.95;
  return (low + (high - low) * d * d) * noise;
}

function trackingOf(p: PolicyRecord): JsonObject | undefined {
  const c = p.TargetTrackingScalingPolicyConfiguration;
  return p.PolicyType === "TargetTrackingScaling" && isObject(c) && typeof c.TargetValue === "number"
    ? c
    : undefined;
}

/** One evaluation of a target at `at`; returns the target as it should be stored. */
export function evaluate(ctx: Ctx, t: TargetRecord, p: PolicyRecord, at: number, pace: Pace): TargetRecord {
  const next: TargetRecord = { ...t, evaluatedAt: at };
  const v = readVariant(ctx, t.ResourceId);
  if (!v || v.status !== "InService") return next;
  if (typeof next.pendingUntil === "number") {
    if (next.pendingUntil > at) return next;
    writeVariant(ctx, t.ResourceId, { current: num(next.pendingTo) ?? v.desired });
    delete next.pendingUntil;
    delete next.pendingTo;
    return next;
  }
  const c = trackingOf(p);
  if (!c) return next;
  const target = Number(c.TargetValue);
  const desired = Math.min(
    t.MaxCapacity,
    Math.max(t.MinCapacity, Math.ceil(loadAt(ctx, t, target, at, pace.speed) / target)),
  );
  const current = v.current;
  const suspended = isObject(t.SuspendedState) ? t.SuspendedState : {};
  const outCooldown = (num(c.ScaleOutCooldown) ?? 300) / pace.speed;
  const inCooldown = (num(c.ScaleInCooldown) ?? 300) / pace.speed;
  const alarms = Array.isArray(p.Alarms) ? p.Alarms.filter(isObject) : [];
  const alarm = (kind: string) =>
    text(alarms.find((a) => text(a.AlarmName).includes(kind))?.AlarmName) || kind;
  const out =
    desired > current && !suspended.DynamicScalingOutSuspended && at >= (t.scaledOutAt ?? 0) + outCooldown;
  const inn =
    desired < current &&
    !suspended.DynamicScalingInSuspended &&
    c.DisableScaleIn !== true &&
    at >= (t.scaledInAt ?? 0) + inCooldown &&
    at >= (t.scaledOutAt ?? 0) + inCooldown;
  if (!out && !inn) return next;
  const cause = `monitor alarm ${alarm(out ? "AlarmHigh" : "AlarmLow")} in state ALARM triggered policy ${p.PolicyName}`;
  const end = at + PROVISION_SECONDS / pace.speed;
  recordActivity(ctx, t, desired, cause, at, end);
  writeVariant(ctx, t.ResourceId, { desired });
  next.pendingTo = desired;
  next.pendingUntil = end;
  if (out) next.scaledOutAt = at;
  else next.scaledInAt = at;
  return next;
}

/** Evaluates every target with a target-tracking policy from its last evaluation up to `until`. */
export function simulate(ctx: Ctx, until: number, pace: Pace = { speed: SPEED, every: EVAL_SECONDS }): void {
  const step = pace.every / pace.speed;
  for (const [k, t0] of [...targets(ctx.state).entries()]) {
    const policy = [...policies(ctx.state).values()].find(
      (p) => targetKey(p.ServiceNamespace, p.ResourceId, p.ScalableDimension) === k && trackingOf(p),
    );
    let t = t0;
    // at most a simulated day of catching up after a long pause
    let at = Math.max(t.evaluatedAt ?? pace.from ?? until - step, until - 86_400 / pace.speed);
    if (!policy && typeof t.pendingUntil !== "number") continue;
    const before = JSON.stringify(t);
    while (at + step <= until) {
      at += step;
      t = policy
        ? evaluate(ctx, t, policy, at, pace)
        : evaluate(ctx, t, { ...({} as PolicyRecord) }, at, pace);
    }
    if (JSON.stringify(t) !== before) targets(ctx.state).set(k, t);
  }
}

defineTicker("autoscaling.load", (ctx) => simulate(ctx, ctx.now()));
