import { UpdateModelPackageCommand, type UpdateModelPackageCommandInput } from "@aws-sdk/client-sagemaker";
import { sagemakerWrite } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import type { ApprovalStatus } from "./types";

const INVALIDATE = ["models:", "endpoints:"];

/** One UpdateModelPackage write (invalidates the registry's and the endpoints' cached reads). */
async function updateModelPackage(
  arn: string,
  fields: Omit<UpdateModelPackageCommandInput, "ModelPackageArn">,
) {
  await sagemakerWrite(
    { operation: "UpdateModelPackage", resource: `Model version ${arn}`, invalidate: INVALIDATE },
    () => getSageMakerClient().send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ...fields })),
  );
}

/** Sets the approval status; `clientToken` (≤36) makes a retried call take effect once in SageMaker too. */
export async function setApprovalStatus(input: {
  arn: string;
  status: ApprovalStatus;
  description: string;
  clientToken?: string;
}): Promise<void> {
  await updateModelPackage(input.arn, {
    ModelApprovalStatus: input.status,
    ApprovalDescription: input.description.slice(0, 1024),
    ClientToken: input.clientToken,
  });
}

/** Sets ModelLifeCycle (Stage, StageStatus, StageDescription). */
export async function setLifecycle(input: {
  arn: string;
  stage: string;
  stageStatus: string;
  description?: string;
}): Promise<void> {
  await updateModelPackage(input.arn, {
    ModelLifeCycle: {
      Stage: input.stage,
      StageStatus: input.stageStatus,
      ...(input.description ? { StageDescription: input.description.slice(0, 1024) } : {}),
    },
  });
}
