/** The endpoint variant a scalable target scales: its counts as DescribeEndpoint shows them. */
import type { Ctx } from "../core/context";
import { copy, isObject, type JsonObject } from "../core/json";
import { endpoints, key } from "../ops/deploy/store";
import { settle } from "../ops/deploy/rollout";
import { variantOf } from "./store";

export interface VariantView {
  status: string;
  current: number;
  desired: number;
}

export function readVariant(ctx: Ctx, resourceId: string): VariantView | undefined {
  const ref = variantOf(resourceId);
  if (!ref) return undefined;
  settle(ctx, ref.endpoint);
  const ep = endpoints(ctx.state).get(key(ref.endpoint));
  if (!ep) return undefined;
  const variants = Array.isArray(ep.ProductionVariants) ? ep.ProductionVariants : [];
  const v = variants.find((x): x is JsonObject => isObject(x) && x.VariantName === ref.variant);
  if (!v)
    return ep.EndpointStatus === "Creating"
      ? { status: ep.EndpointStatus, current: 0, desired: 0 }
      : undefined;
  const current = typeof v.CurrentInstanceCount === "number" ? v.CurrentInstanceCount : 0;
  const desired = typeof v.DesiredInstanceCount === "number" ? v.DesiredInstanceCount : current;
  return { status: ep.EndpointStatus, current, desired };
}

/** Sets the variant's desired count (and, once provisioned, its current count). */
export function writeVariant(
  ctx: Ctx,
  resourceId: string,
  counts: { current?: number; desired?: number },
): void {
  const ref = variantOf(resourceId);
  if (!ref) return;
  const ep = endpoints(ctx.state).get(key(ref.endpoint));
  if (!ep || !Array.isArray(ep.ProductionVariants)) return;
  const next = copy(ep);
  for (const v of next.ProductionVariants as JsonObject[]) {
    if (!isObject(v) || v.VariantName !== ref.variant) continue;
    if (counts.desired !== undefined) v.DesiredInstanceCount = counts.desired;
    if (counts.current !== undefined) v.CurrentInstanceCount = counts.current;
  }
  endpoints(ctx.state).set(key(ref.endpoint), next);
}
