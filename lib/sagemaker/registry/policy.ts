import {
  GetModelPackageGroupPolicyCommand,
  PutModelPackageGroupPolicyCommand,
} from "@aws-sdk/client-sagemaker";
import { isAppError } from "@/lib/errors";
import { sagemakerRead, sagemakerWrite } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

const key = (group: string) => `models:group-policy:${group}`;

/**
 * The model package group's resource policy (the JSON document as SageMaker holds it), or undefined when the
 * group has none. `fresh` skips the cache (a promotion checks the policy it relies on as it is now).
 */
export async function getGroupPolicy(group: string, fresh = false): Promise<string | undefined> {
  try {
    return await sagemakerRead(
      {
        key: key(group),
        operation: "GetModelPackageGroupPolicy",
        resource: `Resource policy of model group "${group}"`,
        ...(fresh ? { ttlMs: 0 } : {}),
      },
      async () => {
        const r = await getSageMakerClient().send(
          new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: group }),
        );
        return r.ResourcePolicy;
      },
    );
  } catch (err) {
    // SageMaker answers "Cannot find a resource policy …" (a ValidationException) for a group without one
    if (isAppError(err) && err.code === "not_found") return undefined;
    throw err;
  }
}

/** Replaces the group's resource policy with `policy` (callers merge into the current one first). */
export async function putGroupPolicy(group: string, policy: string): Promise<void> {
  await sagemakerWrite(
    {
      operation: "PutModelPackageGroupPolicy",
      resource: `Model group "${group}"`,
      invalidate: [key(group)],
    },
    () =>
      getSageMakerClient().send(
        new PutModelPackageGroupPolicyCommand({ ModelPackageGroupName: group, ResourcePolicy: policy }),
      ),
  );
}
