import { ListExperimentsCommand, ListModelPackageGroupsCommand } from "@aws-sdk/client-sagemaker";
import { getSageMakerClient } from "./client";
import { sagemakerRead } from "./call";

/** `arn:aws:sagemaker:us-east-1:123456789012:experiment/x` → "123456789012". */
export function accountFromArn(arn: string | undefined): string | null {
  return /^arn:[\w-]+:sagemaker:[\w-]*:(\d{12}):/.exec(arn ?? "")?.[1] ?? null;
}

/**
 * The AWS account the dashboard reads, for the badge, without needing STS: taken from the first resource
 * ARN SageMaker returns (cached for an hour). Null when the account has no such resources or the call fails.
 */
export async function discoverAccountId(): Promise<string | null> {
  const client = getSageMakerClient();
  try {
    return await sagemakerRead(
      { key: "account:id", operation: "ListExperiments", ttlMs: 3_600_000 },
      async () => {
        const experiments = await client.send(new ListExperimentsCommand({ MaxResults: 1 }));
        const fromExperiments = accountFromArn(experiments.ExperimentSummaries?.[0]?.ExperimentArn);
        if (fromExperiments) return fromExperiments;
        const groups = await client.send(new ListModelPackageGroupsCommand({ MaxResults: 1 }));
        return accountFromArn(groups.ModelPackageGroupSummaryList?.[0]?.ModelPackageGroupArn);
      },
    );
  } catch {
    return null;
  }
}
