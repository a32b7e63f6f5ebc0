/** SelectiveExecutionConfig through the JS SDK: only the selected steps run, the rest is carried over. */
import {
  DescribePipelineExecutionCommand,
  DescribeTrainingJobCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import {
  createPipeline,
  definition,
  processing,
  start,
  steps,
  token,
  training,
  waitFor,
} from "./test-helpers";

const emu = emulatorFixture();

const PREP_OUT = { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['out'].S3Output.S3Uri" };

function def(): string {
  const train = training("Train", { max_depth: { Get: "Parameters.MaxDepth" }, num_round: "10" });
  const args = train.Arguments as Record<string, unknown>;
  args.InputDataConfig = [
    { ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: PREP_OUT } } },
  ];
  return definition(
    [processing("Prep"), train, processing("Eval", { DependsOn: ["Train"] })],
    [{ Name: "MaxDepth", Type: "String", DefaultValue: "5" }],
  );
}

async function rejected(input: Record<string, unknown>): Promise<string> {
  const err = await emu
    .client()
    .send(new StartPipelineExecutionCommand({ ClientRequestToken: token(), PipelineName: "", ...input }))
    .then(
      () => undefined,
      (e: unknown) => e as Error,
    );
  expect(err?.name).toBe("ValidationException");
  return err?.message ?? "";
}

describe("selective execution", () => {
  it("re-runs only the selected step of a failed execution, carrying the others over", async () => {
    await createPipeline(emu.client(), "t-sel", def());
    const failed = await start(emu.client(), "t-sel", { MaxDepth: "99" });
    expect(await waitFor(emu.client(), failed)).toBe("Failed");
    const before = await steps(emu.client(), failed);
    expect(before.get("Train")?.StepStatus).toBe("Failed");

    const config = { SourcePipelineExecutionArn: failed, SelectedSteps: [{ StepName: "Train" }] };
    const rerun = await start(emu.client(), "t-sel", { MaxDepth: "6" }, { SelectiveExecutionConfig: config });
    expect(await waitFor(emu.client(), rerun)).toBe("Succeeded");

    const d = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: rerun }));
    expect(d.SelectiveExecutionConfig).toEqual(config);
    const after = await steps(emu.client(), rerun);
    expect([...after.keys()].sort()).toEqual(["Prep", "Train"]); // Eval was not selected: it does not run
    const prep = after.get("Prep");
    expect(prep?.SelectiveExecutionResult?.SourcePipelineExecutionArn).toBe(failed);
    expect(prep?.StepStatus).toBe("Succeeded");
    expect(prep?.Metadata?.ProcessingJob?.Arn).toBe(before.get("Prep")?.Metadata?.ProcessingJob?.Arn);
    const train = after.get("Train");
    expect(train?.StepStatus).toBe("Succeeded");
    expect(train?.SelectiveExecutionResult).toBeUndefined();
    const jobName = train?.Metadata?.TrainingJob?.Arn?.split("/").pop() ?? "";
    const job = await emu.client().send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }));
    expect(job.HyperParameters?.max_depth).toBe("6");
    expect(job.InputDataConfig?.[0]?.DataSource?.S3DataSource?.S3Uri).toBe("s3://test-bucket/Prep/out");
  }, 60_000);

  it("answers SageMaker's ValidationExceptions for a bad selection", async () => {
    await createPipeline(emu.client(), "t-sel-bad", def());
    await createPipeline(emu.client(), "t-sel-other", def());
    const done = await start(emu.client(), "t-sel-bad");
    expect(await waitFor(emu.client(), done)).toBe("Succeeded");
    const other = await start(emu.client(), "t-sel-other");
    await waitFor(emu.client(), other);
    const sel = (names: string[], source?: string) => ({
      PipelineName: "t-sel-bad",
      SelectiveExecutionConfig: {
        ...(source ? { SourcePipelineExecutionArn: source } : {}),
        SelectedSteps: names.map((StepName) => ({ StepName })),
      },
    });
    expect(await rejected(sel(["Nope"], done))).toMatch(/Step 'Nope' in SelectedSteps is not present/);
    expect(await rejected(sel(["Train"]))).toMatch(
      /Invalid SourcePipelineExecutionArn: null\. The selected steps \[Train\] have dependencies on \[Prep\]/,
    );
    expect(await rejected(sel(["Train"], other))).toMatch(/must be an execution of pipeline/);
    expect(await rejected(sel(["Prep", "Eval"], done))).toMatch(/not selected: \[Train\]/);
    const running = await start(emu.client(), "t-sel-bad");
    expect(await rejected(sel(["Train"], running))).toMatch(/is in Executing status/);
    expect(await rejected({ ...sel([]), PipelineName: "t-sel-bad" })).toMatch(
      /selectiveExecutionConfig\.selectedSteps' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    // the whole pipeline from the first step needs no source
    const all = await start(emu.client(), "t-sel-bad", {}, sel(["Prep", "Train", "Eval"]));
    expect(await waitFor(emu.client(), all)).toBe("Succeeded");
  }, 60_000);
});
