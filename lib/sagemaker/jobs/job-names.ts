/**
 * A job's name as it was created: ARNs carry it lower-cased, while CloudWatch Logs streams (`<job-name>/…`) keep
 * its case, so the logs of a step need the Describe answer. Names never change: cached for long.
 */
import {
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
} from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

export type JobKind = "TrainingJob" | "ProcessingJob" | "TransformJob";

export function jobNameAsCreated(kind: JobKind, name: string): Promise<string> {
  return sagemakerRead(
    {
      key: `jobs:name:${kind}:${name}`,
      operation: `Describe${kind}`,
      resource: `The job ${name}`,
      ttlMs: 3_600_000,
    },
    async () => {
      const client = getSageMakerClient();
      if (kind === "TrainingJob")
        return (
          (await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobName ??
          name
        );
      if (kind === "ProcessingJob")
        return (
          (await client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })))
            .ProcessingJobName ?? name
        );
      return (
        (await client.send(new DescribeTransformJobCommand({ TransformJobName: name }))).TransformJobName ??
        name
      );
    },
  );
}
