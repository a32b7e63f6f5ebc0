/** "What was live at T": which endpoint config served a stage at a time (pure). */
import type { ConfigRecord } from "@/lib/sagemaker/endpoints/history";

/**
 * The config of `group` that served the endpoint at `at`, from the endpoint's config history (oldest first). A
 * config created after the one the endpoint serves now (DescribeEndpoint's EndpointConfigName; an update in progress
 * is only PendingDeploymentSummary) has not served yet: during an update the answer is the old version until the
 * endpoint is InService on the new config.
 */
export function servedConfigAt(
  history: ConfigRecord[],
  servingNow: string | undefined,
  at: number,
  group: string,
): ConfigRecord | undefined {
  const serving = history.find((c) => c.name === servingNow);
  return history
    .filter((c) => c.createdAt <= at && (!serving || c.createdAt <= serving.createdAt))
    .filter((c) => c.servedArn?.includes(`/${group}/`))
    .pop();
}
