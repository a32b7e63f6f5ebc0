/**
 * A rollout's endpoint has settled (InService on the new config, or failed): the cached endpoint reads of the
 * account that holds it were taken while it was Updating and are dropped, here and on the other replicas, so the
 * version and endpoints pages show what the follower just saw. With one account the lifecycle write
 * (UpdateModelPackage, which invalidates `endpoints:`) already did this; across accounts the endpoint lives in
 * the stage's account, which no write of the follower touches.
 */
import type { AccountConfig } from "@/lib/config";
import { inAccount } from "@/lib/sagemaker/accounts/context";
import { accountKey, getInvalidationBus, getReadCache } from "@/lib/sagemaker/call";

export async function forgetEndpointReads(account: AccountConfig): Promise<void> {
  const prefixes = inAccount(account, () => [accountKey("endpoints:")]);
  getReadCache().invalidate(...prefixes);
  await getInvalidationBus()?.publish(prefixes);
}
