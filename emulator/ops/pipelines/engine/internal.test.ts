/**
 * In-process checks of what the SDK cannot reach: the internal `_FailStep` fault injection, and that the
 * engine is deterministic on a virtual clock (what the seeder relies on).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rng } from "../../../core/clock";
import { userProfile } from "../../../core/context";
import { Emulator } from "../../../core/emulator";
import "../../index";
import { putObject } from "../../jobs/s3";
import { executions } from "../records";
import { advance, nextDue } from "./scheduler";

const ROLE = "arn:aws:iam::123456789012:role/R";
const proc = (name: string, dependsOn?: string) => ({
  Name: name,
  Type: "Processing",
  Arguments: {
    ProcessingResources: {
      ClusterConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
    },
    AppSpecification: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/p:1" },
    RoleArn: ROLE,
  },
  ...(dependsOn ? { DependsOn: [dependsOn] } : {}),
});
const DEF = JSON.stringify({ Version: "2020-12-01", Steps: [proc("A"), proc("B", "A"), proc("C", "B")] });

function world() {
  const em = new Emulator(fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-engine-")));
  const clock = { now: 1_700_000_000 };
  const ctx = em.ctx({
    now: () => clock.now,
    random: rng(42),
    identity: userProfile("tester", "123456789012", "us-east-1"),
  });
  let n = 0;
  const tok = () => `internal-test-token-${n++}`.padEnd(32, "x");
  const run = async (until?: (arn: string) => boolean) => {
    const out = await ctx.call("_StartPipelineExecution", {
      PipelineName: "internal",
      ClientRequestToken: tok(),
      xPace: 1,
    });
    const arn = typeof out.PipelineExecutionArn === "string" ? out.PipelineExecutionArn : "";
    for (let i = 0; i < 1000; i++) {
      const e = executions(em.state).get(arn);
      const due = e ? nextDue(e) : undefined;
      if (due === undefined || until?.(arn)) break;
      clock.now = Math.max(clock.now, due);
      await advance(ctx, arn);
    }
    return arn;
  };
  const setup = () =>
    ctx.call("CreatePipeline", {
      PipelineName: "internal",
      RoleArn: ROLE,
      ClientRequestToken: tok(),
      PipelineDefinition: DEF,
    });
  const exec = (arn: string) => executions(em.state).get(arn)!;
  return { em, ctx, clock, run, setup, exec };
}

describe("engine internals", () => {
  it("_FailStep fails the next attempts of a named step, or a running step now", async () => {
    const w = world();
    await w.setup();
    await w.ctx.call("_FailStep", {
      PipelineName: "internal",
      StepName: "B",
      FailureReason: "boom",
      Count: 1,
    });
    const failed = w.exec(await w.run());
    expect(failed.PipelineExecutionStatus).toBe("Failed");
    expect(failed.Steps.find((s) => s.StepName === "B")?.FailureReason).toBe("boom");
    expect(failed.Steps.some((s) => s.StepName === "C")).toBe(false);
    expect(w.exec(await w.run()).PipelineExecutionStatus).toBe("Succeeded");
    const arn = await w.run((a) =>
      w.exec(a).Steps.some((s) => s.StepName === "B" && s.StepStatus === "Executing"),
    );
    await w.ctx.call("_FailStep", {
      PipelineExecutionArn: arn,
      StepName: "B",
      FailureReason: "pulled the plug",
    });
    const now = w.exec(arn);
    expect(now.PipelineExecutionStatus).toBe("Failed");
    expect(now.Steps.find((s) => s.StepName === "B")?.FailureReason).toBe("pulled the plug");
  });

  it("is deterministic on a virtual clock", async () => {
    const results = [];
    for (let i = 0; i < 2; i++) {
      const w = world();
      await w.setup();
      const e = w.exec(await w.run());
      results.push({
        arn: e.PipelineExecutionArn,
        steps: e.Steps.map((s) => [s.StepName, s.StartTime, s.EndTime, s.Metadata]),
      });
      expect(e.PipelineExecutionStatus).toBe("Succeeded");
      // simulated durations, not wall time: processing takes 40–90 s
      for (const s of e.Steps) expect((s.EndTime ?? 0) - s.StartTime).toBeGreaterThanOrEqual(40);
    }
    expect(results[1]).toEqual(results[0]);
  });

  it("reads PipelineDefinitionS3Location from the emulated S3", async () => {
    const w = world();
    putObject(w.em.state, "s3://defs/internal-s3.json", DEF);
    await w.ctx.call("CreatePipeline", {
      PipelineName: "internal-s3",
      RoleArn: ROLE,
      ClientRequestToken: "internal-s3-token".padEnd(32, "x"),
      PipelineDefinitionS3Location: { Bucket: "defs", ObjectKey: "internal-s3.json" },
    });
    const d = await w.ctx.call("DescribePipeline", { PipelineName: "internal-s3" });
    expect(d.PipelineDefinition).toBe(DEF);
    await expect(
      w.ctx.call("CreatePipeline", {
        PipelineName: "internal-s3-missing",
        RoleArn: ROLE,
        ClientRequestToken: "internal-s3-token-2".padEnd(32, "x"),
        PipelineDefinitionS3Location: { Bucket: "defs", ObjectKey: "nope.json" },
      }),
    ).rejects.toThrow(
      "Unable to read the pipeline definition from s3://defs/nope.json: the object does not exist.",
    );
  });
});
