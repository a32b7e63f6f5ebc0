/** Executions survive restarts (graceful and kill -9), and the concurrent-execution limit. */
import { DescribePipelineExecutionCommand, StopPipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
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

// slower clock: each processing step takes ~1-2 s of wall time
const emu = emulatorFixture({
  env: { EMULATOR_SPEED: "10", EMULATOR_PIPELINE_MAX_CONCURRENT_EXECUTIONS: "2" },
});

beforeAll(async () => {
  const def = definition(
    ["One", "Two", "Three"].map((n, i, all) => processing(n, i > 0 ? { DependsOn: [all[i - 1]] } : {})),
  );
  await createPipeline(emu.client(), "t-restart", def);
}, 120_000);

async function midRun(): Promise<string> {
  const arn = await start(emu.client(), "t-restart");
  await eventually(async () => {
    const s = await steps(emu.client(), arn);
    if (s.get("Two")?.StepStatus !== "Executing") throw new Error("not in the middle yet");
  }, 20_000);
  return arn;
}

describe("restart mid-execution", () => {
  for (const hard of [false, true]) {
    it(`continues to completion after ${hard ? "kill -9" : "a graceful restart"}`, async () => {
      const arn = await midRun();
      await emu.restart(hard);
      const d = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
      expect(d.PipelineExecutionStatus).toBe("Executing");
      expect(await waitFor(emu.client(), arn, ["Succeeded", "Failed", "Stopped"], 30_000)).toBe("Succeeded");
      const s = await steps(emu.client(), arn);
      expect([...s.values()].map((x) => `${x.StepName}:${x.StepStatus}:${x.AttemptCount}`).sort()).toEqual([
        "One:Succeeded:1",
        "Three:Succeeded:1",
        "Two:Succeeded:1",
      ]);
    }, 60_000);
  }
});

describe("limits", () => {
  it("refuses more concurrent executions than the limit with ResourceLimitExceeded", async () => {
    const a = await start(emu.client(), "t-restart");
    const b = await start(emu.client(), "t-restart");
    let err: Error | undefined;
    try {
      await start(emu.client(), "t-restart");
    } catch (e) {
      err = e as Error;
    }
    expect(err?.name).toBe("ResourceLimitExceeded");
    expect(err?.message).toContain(
      "is 2 Pipeline Executions, with current utilization of 2 Pipeline Executions",
    );
    for (const x of [a, b])
      await emu
        .client()
        .send(new StopPipelineExecutionCommand({ PipelineExecutionArn: x, ClientRequestToken: token() }));
    for (const x of [a, b]) expect(await waitFor(emu.client(), x, ["Stopped"], 20_000)).toBe("Stopped");
    const again = await start(emu.client(), "t-restart");
    expect(again).toMatch(/execution\/[a-z0-9]{12}$/);
    await emu
      .client()
      .send(new StopPipelineExecutionCommand({ PipelineExecutionArn: again, ClientRequestToken: token() }));
  }, 60_000);
});
