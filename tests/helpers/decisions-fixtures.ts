import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import type { SessionUser } from "@/lib/auth/types";

/** A client whose calls SageMaker (the emulator) attributes to `who` (IAM session name = access key id). */
export function clientAs(url: string, who: string): SageMakerClient {
  return new SageMakerClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: who, secretAccessKey: "test-secret" },
    maxAttempts: 1,
  });
}

const IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

export async function createGroup(url: string, name: string, team: string): Promise<void> {
  await clientAs(url, "admin").send(
    new CreateModelPackageGroupCommand({ ModelPackageGroupName: name, Tags: [{ Key: "team", Value: team }] }),
  );
}

/** Registers a pending version as `who`; `image: false` makes it undeployable (its rollout fails). */
export async function registerVersion(
  url: string,
  group: string,
  who: string,
  opts: { auc?: number; image?: boolean; generatedBy?: string } = {},
): Promise<string> {
  const r = await clientAs(url, who).send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: group,
      ModelApprovalStatus: "PendingManualApproval",
      ...(opts.image === false
        ? {}
        : {
            InferenceSpecification: {
              Containers: [{ Image: IMAGE, ModelDataUrl: `s3://bucket/${group}/model.tar.gz` }],
              SupportedContentTypes: ["text/csv"],
              SupportedResponseMIMETypes: ["text/csv"],
            },
          }),
      CustomerMetadataProperties: { "metric:auc": String(opts.auc ?? 0.9) },
      ...(opts.generatedBy ? { MetadataProperties: { GeneratedBy: opts.generatedBy } } : {}),
    }),
  );
  return r.ModelPackageArn ?? "";
}

export const user = (username: string, role: SessionUser["role"] = "approver"): SessionUser => ({
  id: username,
  username,
  name: username[0]?.toUpperCase() + username.slice(1) + " Tester",
  role,
  provider: "credentials",
});
