/** A RegisterModel step whose model package group does not exist creates it (as the SageMaker Python SDK does). */
import { DescribeModelPackageGroupCommand, ListModelPackagesCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { createPipeline, definition, start, steps, waitFor } from "./test-helpers";

const emu = emulatorFixture();

const register = (name: string, group: string) => ({
  Name: name,
  Type: "RegisterModel",
  Arguments: {
    ModelPackageGroupName: group,
    ModelApprovalStatus: "PendingManualApproval",
    InferenceSpecification: {
      Containers: [
        {
          Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1",
          ModelDataUrl: "s3://b/model.tar.gz",
        },
      ],
      SupportedContentTypes: ["text/csv"],
      SupportedResponseMIMETypes: ["text/csv"],
    },
  },
});

describe("RegisterModel", () => {
  it("creates a missing model package group and registers version 1 in it", async () => {
    await createPipeline(
      emu.client(),
      "t-reg-new-group",
      definition([register("Register", "t-brand-new-group")]),
    );
    const arn = await start(emu.client(), "t-reg-new-group");
    expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
    const pkg = (await steps(emu.client(), arn)).get("Register")?.Metadata?.RegisterModel?.Arn;
    expect(pkg).toBe("arn:aws:sagemaker:us-east-1:123456789012:model-package/t-brand-new-group/1");
    const g = await emu
      .client()
      .send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: "t-brand-new-group" }));
    expect(g.ModelPackageGroupStatus).toBe("Completed");
    const versions = await emu
      .client()
      .send(new ListModelPackagesCommand({ ModelPackageGroupName: "t-brand-new-group" }));
    expect(versions.ModelPackageSummaryList?.length).toBe(1);
  });

  it("does not create a group named by another account's ARN: the step fails", async () => {
    const foreign = "arn:aws:sagemaker:us-east-1:210987654321:model-package-group/theirs";
    await createPipeline(emu.client(), "t-reg-foreign", definition([register("Register", foreign)]));
    const arn = await start(emu.client(), "t-reg-foreign");
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    expect((await steps(emu.client(), arn)).get("Register")?.FailureReason).toMatch(
      /ValidationException|ResourceNotFound/,
    );
  });
});
