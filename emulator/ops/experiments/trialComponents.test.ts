/** Trial components: create with every member, validation like SageMaker, update, missing ones. */
import {
  AssociateTrialComponentCommand,
  CreateTrialComponentCommand,
  DescribeTrialComponentCommand,
  UpdateTrialComponentCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";
import { seedTrialComponents } from "../../testing/trial-components";

const emu = emulatorFixture({ setup: seedTrialComponents });

describe("trial components", () => {
  it("creates one with every member and describes it by name and by ARN", async () => {
    const start = new Date(Math.floor(Date.now() / 1000 - 600) * 1000);
    const r = await emu.client().send(
      new CreateTrialComponentCommand({
        TrialComponentName: "tc-Full",
        DisplayName: "full",
        Status: { PrimaryStatus: "InProgress", Message: "training" },
        StartTime: start,
        Parameters: { lr: { NumberValue: 0.1 }, optimizer: { StringValue: "adam" } },
        InputArtifacts: { train: { MediaType: "text/csv", Value: "s3://b/train.csv" } },
        OutputArtifacts: { model: { Value: "s3://b/model.tar.gz" } },
        MetadataProperties: { GeneratedBy: "test" },
        Tags: [{ Key: "team", Value: "qa" }],
      }),
    );
    expect(r.TrialComponentArn).toBe(
      "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc-full",
    );
    const byName = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: "tc-Full" }));
    const byArn = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: r.TrialComponentArn }));
    expect(byArn.TrialComponentName).toBe("tc-Full");
    expect(byName.Parameters).toEqual({ lr: { NumberValue: 0.1 }, optimizer: { StringValue: "adam" } });
    expect(byName.InputArtifacts?.train).toEqual({ MediaType: "text/csv", Value: "s3://b/train.csv" });
    expect(byName.OutputArtifacts?.model?.Value).toBe("s3://b/model.tar.gz");
    expect(byName.Status).toEqual({ PrimaryStatus: "InProgress", Message: "training" });
    expect(byName.StartTime).toEqual(start);
    expect(byName.MetadataProperties).toEqual({ GeneratedBy: "test" });
    expect(byName.EndTime).toBeUndefined();
    expect(byName.Metrics).toBeUndefined();
  });

  it("validates parameters, artifacts and status like SageMaker", async () => {
    const both = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-1",
          Parameters: { p: { StringValue: "a", NumberValue: 1 } as never },
        }),
      ),
    );
    expect(both.name).toBe("ValidationException");
    expect(both.message).toContain("Only one of NumberValue or StringValue can be specified");
    const many = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-2",
          Parameters: Object.fromEntries(
            Array.from({ length: 301 }, (_, i) => [`p${i}`, { NumberValue: i }]),
          ),
        }),
      ),
    );
    expect(many.message).toContain("Member must have length less than or equal to 300");
    const media = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-3",
          InputArtifacts: { x: { MediaType: "not a type", Value: "s3://b/x" } },
        }),
      ),
    );
    expect(media.message).toContain(
      "mediaType' failed to satisfy constraint: Member must satisfy regular expression",
    );
    const arts = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-4",
          OutputArtifacts: Object.fromEntries(
            Array.from({ length: 61 }, (_, i) => [`a${i}`, { Value: "s3://b" }]),
          ),
        }),
      ),
    );
    expect(arts.message).toContain("Member must have length less than or equal to 60");
    const status = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-5",
          Status: { PrimaryStatus: "Done" as never },
        }),
      ),
    );
    expect(status.message).toContain(
      "at 'status.primaryStatus' failed to satisfy constraint: Member must satisfy enum value set: [InProgress, Completed, Failed, Stopping, Stopped]",
    );
    const dup = await errorOf(
      emu.client().send(new CreateTrialComponentCommand({ TrialComponentName: "tc-run-01" })),
    );
    expect(dup.name).toBe("ValidationException");
    expect(dup.message).toMatch(/already exists/);
  });

  it("updates parameters, artifacts, status and times", async () => {
    await emu.client().send(
      new CreateTrialComponentCommand({
        TrialComponentName: "tc-upd",
        Parameters: { a: { NumberValue: 1 }, b: { StringValue: "x" } },
        InputArtifacts: { i1: { Value: "s3://1" }, i2: { Value: "s3://2" } },
      }),
    );
    const end = new Date(Math.floor(Date.now() / 1000) * 1000);
    await emu.client().send(
      new UpdateTrialComponentCommand({
        TrialComponentName: "tc-upd",
        DisplayName: "updated",
        Parameters: { c: { NumberValue: 3 }, a: { NumberValue: 10 } },
        ParametersToRemove: ["b"],
        InputArtifactsToRemove: ["i1"],
        OutputArtifacts: { model: { Value: "s3://m" } },
        Status: { PrimaryStatus: "Completed" },
        EndTime: end,
      }),
    );
    const d = await emu.client().send(new DescribeTrialComponentCommand({ TrialComponentName: "tc-upd" }));
    expect(d.DisplayName).toBe("updated");
    expect(d.Parameters).toEqual({ a: { NumberValue: 10 }, c: { NumberValue: 3 } });
    expect(Object.keys(d.InputArtifacts ?? {})).toEqual(["i2"]);
    expect(d.OutputArtifacts).toEqual({ model: { Value: "s3://m" } });
    expect(d.Status?.PrimaryStatus).toBe("Completed");
    expect(d.EndTime).toEqual(end);
    const clash = await errorOf(
      emu.client().send(
        new UpdateTrialComponentCommand({
          TrialComponentName: "tc-upd",
          Parameters: { a: { NumberValue: 2 } },
          ParametersToRemove: ["a"],
        }),
      ),
    );
    expect(clash.name).toBe("ValidationException");
    const nf = await errorOf(
      emu.client().send(new UpdateTrialComponentCommand({ TrialComponentName: "tc-none" })),
    );
    expect(nf.name).toBe("ResourceNotFound");
  });

  it("answers ResourceNotFound for missing components, by name or ARN", async () => {
    const a = await errorOf(
      emu.client().send(new DescribeTrialComponentCommand({ TrialComponentName: "tc-none" })),
    );
    expect(a.name).toBe("ResourceNotFound");
    expect(a.message).toBe(
      "Trial component 'arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc-none' does not exist.",
    );
    const b = await errorOf(
      emu.client().send(
        new DescribeTrialComponentCommand({
          TrialComponentName: "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc-none",
        }),
      ),
    );
    expect(b.name).toBe("ResourceNotFound");
    const c = await errorOf(
      emu
        .client()
        .send(new AssociateTrialComponentCommand({ TrialComponentName: "tc-run-01", TrialName: "tc-none" })),
    );
    expect(c.name).toBe("ResourceNotFound");
  });
});
