/** Execution lifecycle through the SDK: callbacks, stop and retry. */
import {
  DescribePipelineExecutionCommand,
  RetryPipelineExecutionCommand,
  SendPipelineExecutionStepFailureCommand,
  SendPipelineExecutionStepSuccessCommand,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";
import {
  createPipeline,
  definition,
  eventually,
  processing,
  start,
  steps,
  token,
  waitFor,
} from "./test-helpers";

const emu = emulatorFixture();

const callback = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: name,
  Type: "Callback",
  SqsQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
  OutputParameters: [{ OutputName: "answer", OutputType: "String" }],
  Arguments: { job: "wait" },
  ...extra,
});

/** Waits until the named step is executing and returns its callback token. */
async function callbackToken(arn: string, step: string): Promise<string> {
  return eventually(async () => {
    const s = (await steps(emu.client(), arn)).get(step);
    const t = s?.Metadata?.Callback?.CallbackToken;
    if (s?.StepStatus !== "Executing" || !t) throw new Error("not waiting yet");
    return t;
  });
}

describe("callbacks", () => {
  it("waits for SendPipelineExecutionStepSuccess and passes its outputs on", async () => {
    const def = definition([
      processing("Prep"),
      callback("Approve", { DependsOn: ["Prep"] }),
      {
        Name: "Report",
        Type: "Fail",
        Arguments: {
          ErrorMessage: {
            "Std:Join": { On: " ", Values: ["answer", { Get: "Steps.Approve.OutputParameters['answer']" }] },
          },
        },
      },
    ]);
    await createPipeline(emu.client(), "t-life-callback", def);
    const arn = await start(emu.client(), "t-life-callback");
    const t = await callbackToken(arn, "Approve");
    expect(t).toMatch(/^[a-zA-Z0-9]{10}$/);
    const s = (await steps(emu.client(), arn)).get("Approve");
    expect(s?.Metadata?.Callback?.SqsQueueUrl).toBe(
      "https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
    );
    expect(
      (await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn })))
        .PipelineExecutionStatus,
    ).toBe("Executing");
    const out = await emu.client().send(
      new SendPipelineExecutionStepSuccessCommand({
        CallbackToken: t,
        OutputParameters: [{ Name: "answer", Value: "42" }],
      }),
    );
    expect(out.PipelineExecutionArn).toBe(arn);
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const after = await steps(emu.client(), arn);
    expect(after.get("Approve")?.StepStatus).toBe("Succeeded");
    expect(after.get("Approve")?.Metadata?.Callback?.OutputParameters).toEqual([
      { Name: "answer", Value: "42" },
    ]);
    expect(after.get("Report")?.Metadata?.Fail?.ErrorMessage).toBe("answer 42");
    const again = await errorOf(
      emu.client().send(new SendPipelineExecutionStepSuccessCommand({ CallbackToken: t })),
    );
    expect(again.name).toBe("ResourceNotFound");
  });

  it("fails the step on SendPipelineExecutionStepFailure", async () => {
    await createPipeline(emu.client(), "t-life-callback-fail", definition([callback("Approve")]));
    const arn = await start(emu.client(), "t-life-callback-fail");
    const t = await callbackToken(arn, "Approve");
    await emu.client().send(
      new SendPipelineExecutionStepFailureCommand({
        CallbackToken: t,
        FailureReason: "rejected by reviewer",
      }),
    );
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const s = (await steps(emu.client(), arn)).get("Approve");
    expect(s?.StepStatus).toBe("Failed");
    expect(s?.FailureReason).toBe("rejected by reviewer");
  });
});

describe("stop and retry", () => {
  it("stops a running execution: Stopping until its Callback step is answered, then Stopped", async () => {
    await createPipeline(
      emu.client(),
      "t-life-stop",
      definition([
        processing("Prep"),
        callback("Wait", { DependsOn: ["Prep"] }),
        processing("After", { DependsOn: ["Wait"] }),
      ]),
    );
    const arn = await start(emu.client(), "t-life-stop");
    const t = await callbackToken(arn, "Wait");
    const out = await emu
      .client()
      .send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: token() }));
    expect(out.PipelineExecutionArn).toBe(arn);
    // a waiting Callback step holds the execution in Stopping until its callback arrives
    await new Promise((r) => setTimeout(r, 500));
    const stopping = await emu
      .client()
      .send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(stopping.PipelineExecutionStatus).toBe("Stopping");
    expect((await steps(emu.client(), arn)).get("Wait")?.StepStatus).toBe("Stopping");
    await emu.client().send(
      new SendPipelineExecutionStepFailureCommand({
        CallbackToken: t,
        FailureReason: "stopped on request",
      }),
    );
    expect(await waitFor(emu.client(), arn, ["Stopped"])).toBe("Stopped");
    const s = await steps(emu.client(), arn);
    expect(s.get("Prep")?.StepStatus).toBe("Succeeded");
    expect(s.get("Wait")?.StepStatus).toBe("Failed");
    expect(s.get("Wait")?.FailureReason).toBe("stopped on request");
    expect(s.get("Wait")?.EndTime).toBeInstanceOf(Date);
    expect(s.has("After")).toBe(false);
    const again = await errorOf(
      emu
        .client()
        .send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: token() })),
    );
    expect(again.name).toBe("ConflictException");
    expect(again.message).toBe(
      `Pipeline execution ${arn} is in Stopped status and cannot be stopped. Only executions in Executing status can be stopped.`,
    );
    const retry = await errorOf(
      emu
        .client()
        .send(new RetryPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: token() })),
    );
    expect(retry.name).toBe("ConflictException");
  });

  it("refuses to stop a finished execution and answers ResourceNotFound for an unknown one", async () => {
    await createPipeline(emu.client(), "t-life-done", definition([processing("Only")]));
    const arn = await start(emu.client(), "t-life-done");
    expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
    const e = await errorOf(
      emu
        .client()
        .send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: token() })),
    );
    expect(e.name).toBe("ConflictException");
    expect(e.message).toContain("is in Succeeded status and cannot be stopped");
    const missing = `${arn.slice(0, -12)}zzzzzzzzzzzz`;
    const nf = await errorOf(
      emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: missing })),
    );
    expect(nf).toEqual({
      name: "ResourceNotFound",
      message: `Pipeline execution '${missing}' does not exist.`,
    });
  });

  it("retries a failed execution from its failed step, keeping the ARN", async () => {
    const def = definition([
      processing("First"),
      processing("Flaky", { DependsOn: ["First"] }, { Environment: { EMULATOR_FAIL_ATTEMPTS: "1" } }),
      processing("Last", { DependsOn: ["Flaky"] }),
    ]);
    await createPipeline(emu.client(), "t-life-retry", def);
    const arn = await start(emu.client(), "t-life-retry");
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const before = await steps(emu.client(), arn);
    expect(before.get("Flaky")?.StepStatus).toBe("Failed");
    expect(before.has("Last")).toBe(false);
    const d = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d.FailureReason).toBe("Step failure: One or multiple steps failed.");
    const t = token();
    const r = await emu
      .client()
      .send(new RetryPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: t }));
    expect(r.PipelineExecutionArn).toBe(arn);
    const same = await emu
      .client()
      .send(new RetryPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: t }));
    expect(same.PipelineExecutionArn).toBe(arn);
    expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
    const after = await steps(emu.client(), arn);
    expect(after.get("First")?.Metadata?.ProcessingJob?.Arn).toBe(
      before.get("First")?.Metadata?.ProcessingJob?.Arn,
    );
    expect(after.get("First")?.AttemptCount).toBe(1);
    expect(after.get("Flaky")?.StepStatus).toBe("Succeeded");
    expect(after.get("Flaky")?.AttemptCount).toBe(2);
    expect(after.get("Flaky")?.FailureReason).toBeUndefined();
    expect(after.get("Last")?.StepStatus).toBe("Succeeded");
    const done = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(done.FailureReason).toBeUndefined();
    const conflict = await errorOf(
      emu
        .client()
        .send(new RetryPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: token() })),
    );
    expect(conflict.name).toBe("ConflictException");
    expect(conflict.message).toBe(
      `Pipeline execution ${arn} is in Succeeded status and cannot be retried. Only executions in Failed status can be retried.`,
    );
  });
});
