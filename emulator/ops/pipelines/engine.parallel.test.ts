/** The execution engine: parallel steps up to MaxParallelExecutionSteps, step caching and retry policies. */
import { DescribePipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { createPipeline, definition, processing, start, steps, training, waitFor } from "./test-helpers";

const emu = emulatorFixture();

describe("parallelism, caching and retry policies", () => {
  const overlap = (intervals: [number, number][]) =>
    Math.max(...intervals.map(([s]) => intervals.filter(([a, b]) => a <= s && s < b).length));

  it("runs independent steps in parallel up to MaxParallelExecutionSteps", async () => {
    const def = definition(Array.from({ length: 6 }, (_, i) => processing(`P${i}`)));
    await createPipeline(emu.client(), "t-eng-parallel", def, {
      ParallelismConfiguration: { MaxParallelExecutionSteps: 2 },
    });
    const limited = await start(emu.client(), "t-eng-parallel");
    const free = await start(
      emu.client(),
      "t-eng-parallel",
      {},
      { ParallelismConfiguration: { MaxParallelExecutionSteps: 10 } },
    );
    expect(await waitFor(emu.client(), limited)).toBe("Succeeded");
    expect(await waitFor(emu.client(), free)).toBe("Succeeded");
    const iv = async (arn: string) =>
      [...(await steps(emu.client(), arn)).values()].map(
        (s) => [s.StartTime!.getTime(), s.EndTime!.getTime()] as [number, number],
      );
    expect(overlap(await iv(limited))).toBe(2);
    expect(overlap(await iv(free))).toBe(6);
    const d = await emu
      .client()
      .send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: limited }));
    expect(d.ParallelismConfiguration?.MaxParallelExecutionSteps).toBe(2);
  });

  it("reuses a cached step from an earlier execution", async () => {
    const def = definition([
      processing("Cached", { CacheConfig: { Enabled: true, ExpireAfter: "P30D" } }),
      training("Fit", { max_depth: "5" }, { DependsOn: ["Cached"] }),
    ]);
    await createPipeline(emu.client(), "t-eng-cache", def);
    const first = await start(emu.client(), "t-eng-cache");
    expect(await waitFor(emu.client(), first)).toBe("Succeeded");
    const second = await start(emu.client(), "t-eng-cache");
    expect(await waitFor(emu.client(), second)).toBe("Succeeded");
    const a = await steps(emu.client(), first);
    const b = await steps(emu.client(), second);
    expect(a.get("Cached")?.CacheHitResult).toBeUndefined();
    expect(b.get("Cached")?.CacheHitResult?.SourcePipelineExecutionArn).toBe(first);
    expect(b.get("Cached")?.Metadata?.ProcessingJob?.Arn).toBe(a.get("Cached")?.Metadata?.ProcessingJob?.Arn);
    expect(b.get("Fit")?.CacheHitResult).toBeUndefined();
    expect(b.get("Fit")?.Metadata?.TrainingJob?.Arn).not.toBe(a.get("Fit")?.Metadata?.TrainingJob?.Arn);
  });

  it("retries a failing step by its RetryPolicies and counts attempts", async () => {
    const def = definition([
      processing(
        "Flaky",
        {
          RetryPolicies: [
            {
              ExceptionType: ["SageMaker.JOB_INTERNAL_ERROR"],
              IntervalSeconds: 1,
              BackoffRate: 1.5,
              MaxAttempts: 3,
            },
          ],
        },
        { Environment: { EMULATOR_FAIL_ATTEMPTS: "2" } },
      ),
      processing(
        "Hopeless",
        {
          RetryPolicies: [{ ExceptionType: ["Step.THROTTLING"], IntervalSeconds: 1, MaxAttempts: 3 }],
        },
        { Environment: { EMULATOR_FAIL_ATTEMPTS: "5" } },
      ),
    ]);
    await createPipeline(emu.client(), "t-eng-retrypolicy", def);
    const arn = await start(emu.client(), "t-eng-retrypolicy");
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const s = await steps(emu.client(), arn);
    expect(s.get("Flaky")?.StepStatus).toBe("Succeeded");
    expect(s.get("Flaky")?.AttemptCount).toBe(3);
    expect(s.get("Hopeless")?.StepStatus).toBe("Failed");
    expect(s.get("Hopeless")?.AttemptCount).toBe(1);
    expect(s.get("Hopeless")?.FailureReason).toBe(
      "InternalServerError: We encountered an internal error. Please try again.",
    );
  });
});
