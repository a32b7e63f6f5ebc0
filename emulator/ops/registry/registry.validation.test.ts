/** Model registry conformance: CreateModelPackage refuses bad input with AWS's messages. */
import { CreateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { describe, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { expectError } from "./test-helpers";
import { G, createGroups } from "../../testing/registry";

const emu = emulatorFixture({ setup: createGroups });

describe("model packages", () => {
  it("refuses both ModelPackageName and ModelPackageGroupName with AWS's message", async () => {
    await expectError(
      emu.client().send(new CreateModelPackageCommand({ ModelPackageName: "x", ModelPackageGroupName: G })),
      "ValidationException",
      "Both ModelPackageName and ModelPackageGroupName are provided in the input. Cannot determine which one to use.",
    );
  });

  it("refuses a missing group, a bad approval status, bad lifecycle and bad metadata", async () => {
    await expectError(
      emu.client().send(new CreateModelPackageCommand({ ModelPackageGroupName: "t-reg-missing" })),
      "ValidationException",
      "does not exist",
    );
    await expectError(
      emu.client().send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: G,
          ModelApprovalStatus: "Maybe" as "Approved",
        }),
      ),
      "ValidationException",
      "Member must satisfy enum value set: [Approved, Rejected, PendingManualApproval]",
    );
    await expectError(
      emu.client().send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: G,
          ModelLifeCycle: { Stage: "bad stage", StageStatus: "ok" },
        }),
      ),
      "ValidationException",
      "modelLifeCycle.stage",
    );
    await expectError(
      emu
        .client()
        .send(
          new CreateModelPackageCommand({ ModelPackageGroupName: G, CustomerMetadataProperties: { k: "" } }),
        ),
      "ValidationException",
      "customerMetadataProperties",
    );
    await expectError(
      emu.client().send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: G,
          ModelMetrics: {
            ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: "ftp://x/y" } },
          },
        }),
      ),
      "ValidationException",
      "modelMetrics.modelQuality.statistics.s3Uri",
    );
  });
});
