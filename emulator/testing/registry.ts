/** Shared by the model registry conformance tests (emulator/ops/registry/registry*.test.ts). */
import { CreateModelPackageGroupCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";

/** The two groups every registry test file starts with. */
export const G = "t-reg-alpha";
export const G2 = "t-reg-beta";
export const spec = { Containers: [{ Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1" }] };

/** Creates G (description "alpha") and G2. */
export async function createGroups(sm: SageMakerClient): Promise<void> {
  await sm.send(
    new CreateModelPackageGroupCommand({ ModelPackageGroupName: G, ModelPackageGroupDescription: "alpha" }),
  );
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: G2 }));
}
