/** Shared by the deploy conformance tests (emulator/ops/deploy/deploy*.test.ts). */
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";

export const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:2";
export const A = "arn:aws:sagemaker:us-east-1:123456789012";

export const variant = (model: string) => ({
  VariantName: "AllTraffic",
  ModelName: model,
  InitialInstanceCount: 1,
  InstanceType: "ml.m5.large" as const,
});

/**
 * An approved version in t-dep-group, model t-dep-model-a deploying it, t-dep-model-b on IMAGE, and one
 * endpoint config for each (t-dep-cfg-a, t-dep-cfg-b). Returns the version's ARN.
 */
export async function seedDeploy(sm: SageMakerClient): Promise<string> {
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "t-dep-group" }));
  const packageArn =
    (
      await sm.send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: "t-dep-group",
          ModelApprovalStatus: "Approved",
          InferenceSpecification: {
            Containers: [{ Image: IMAGE }],
            SupportedContentTypes: ["text/csv"],
            SupportedResponseMIMETypes: ["text/csv"],
          },
        }),
      )
    ).ModelPackageArn ?? "";
  await sm.send(
    new CreateModelCommand({
      ModelName: "t-dep-model-a",
      PrimaryContainer: { ModelPackageName: packageArn },
    }),
  );
  await sm.send(new CreateModelCommand({ ModelName: "t-dep-model-b", PrimaryContainer: { Image: IMAGE } }));
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "t-dep-cfg-a",
      ProductionVariants: [variant("t-dep-model-a")],
    }),
  );
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "t-dep-cfg-b",
      ProductionVariants: [variant("t-dep-model-b")],
    }),
  );
  return packageArn;
}
