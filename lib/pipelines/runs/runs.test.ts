import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { listAuditEvents } from "@/lib/db/audit";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { describeExecutionDetail } from "@/lib/sagemaker/pipelines/executions";
import { describePipeline, listAllPipelines, searchExecutions } from "@/lib/sagemaker/pipelines/reads";
import { pipelineStats } from "@/lib/sagemaker/pipelines/stats";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { retryRun, startRun, stopRun, type RunContext } from "@/lib/pipelines/runs";

const PIPELINE = "churn-train";
const sam: SessionUser = {
  id: "2",
  username: "sam",
  name: "Sam",
  role: "scientist",
  provider: "credentials",
};
const vera: SessionUser = {
  id: "1",
  username: "vera",
  name: "Vera",
  role: "viewer",
  provider: "credentials",
};

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("pipeline runs against the emulator", () => {
  let emu: RunningEmulator;
  let handle: DbHandle;
  let n = 0;
  const ctx = (user = sam): RunContext => ({
    db: handle.db,
    user,
    idempotencyKey: `test-key-${Date.now()}-${n++}`,
  });

  beforeAll(async () => {
    process.env.EMULATOR_SPEED = "200";
    emu = await startEmulator();
    process.env.SAGEMAKER_ENDPOINT = emu.url;
    process.env.SAGEMAKER_CACHE_TTL_MS = "0";
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    await emu?.stop();
  });

  it("reads pipelines, their parameters and 30-day stats", async () => {
    const all = await listAllPipelines();
    expect(all.map((p) => p.name)).toContain(PIPELINE);
    const p = await describePipeline(PIPELINE);
    expect(p.definition.parameters.find((x) => x.name === "MaxDepth")).toMatchObject({
      type: "Integer",
      defaultValue: "6",
    });
    expect(p.definition.steps.find((s) => s.name === "Evaluate")?.dependsOn.sort()).toEqual([
      "Preprocess",
      "Train",
    ]);
    const stats = await pipelineStats(p.arn);
    expect(stats.runs).toBeGreaterThan(0);
    expect(stats.successRate).not.toBeNull();
    const page = await searchExecutions({ pipelineArn: p.arn, pageSize: 10 });
    expect(page.items).toHaveLength(10);
    const starts = page.items.map((e) => e.startedAt ?? 0);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    const older = await searchExecutions({ pipelineArn: p.arn, pageSize: 10, before: starts[9] });
    expect(older.items[0]?.startedAt).toBeLessThan(starts[9] ?? 0);
    const failed = await searchExecutions({ pipelineArn: p.arn, pageSize: 50, status: "Failed" });
    expect(failed.items.length).toBeGreaterThan(0);
    expect(failed.items.every((e) => e.status === "Failed")).toBe(true);
  });

  it("refuses unknown parameter names and wrong types with clear messages", async () => {
    await expect(startRun(ctx(), PIPELINE, { parameters: { MaxDepthh: "5" } })).rejects.toThrow(
      /has no parameter "MaxDepthh".*MaxDepth/,
    );
    const err = await startRun(ctx(), PIPELINE, { parameters: { MaxDepth: "deep" } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/MaxDepth must be a whole number/);
    await expect(startRun(ctx(), PIPELINE, { parameters: { Eta: "fast" } })).rejects.toThrow(
      /Eta must be a number/,
    );
    await expect(startRun(ctx(vera), PIPELINE, { parameters: {} })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("starts once per Idempotency-Key, runs to success with the changed parameter, and audits", async () => {
    const c = ctx();
    const [a, b] = await Promise.all([
      startRun(c, PIPELINE, { parameters: { MaxDepth: 5 } }),
      startRun(c, PIPELINE, { parameters: { MaxDepth: 5 } }),
    ]);
    expect(a.executionArn).toBe(b.executionArn);
    const again = await startRun(c, PIPELINE, { parameters: { MaxDepth: 5 } });
    expect(again.executionArn).toBe(a.executionArn);
    const done = await until(
      () => describeExecutionDetail(a.executionArn),
      (d) => d.status !== "Executing",
    );
    expect(done.status).toBe("Succeeded");
    expect(done.parameters.MaxDepth).toBe("5");
    expect(done.steps.map((s) => s.name)).toContain("Train");
    const p = await describePipeline(PIPELINE);
    const top = await searchExecutions({ pipelineArn: p.arn, pageSize: 1 });
    expect(top.items[0]?.arn).toBe(a.executionArn);
    const audit = await listAuditEvents(handle.db);
    expect(audit.filter((e) => e.target === a.executionArn && e.action === "pipelines.start")).toHaveLength(
      1,
    );
    await expect(stopRun(ctx(), a.executionArn)).rejects.toThrow(/cannot be stopped/);
    await expect(stopRun(ctx(), a.executionArn)).rejects.toBeInstanceOf(ConflictError);
  });

  it("a run with invalid hyperparameters fails with its reason; retry resumes it; stop stops a running one", async () => {
    const r = await startRun(ctx(), PIPELINE, { parameters: { MaxDepth: 40 } });
    const failed = await until(
      () => describeExecutionDetail(r.executionArn),
      (d) => d.status !== "Executing",
    );
    expect(failed.status).toBe("Failed");
    const train = failed.steps.find((s) => s.name === "Train");
    expect(train?.status).toBe("Failed");
    expect(train?.failureReason).toMatch(/max_depth/i);
    await retryRun(ctx(), r.executionArn);
    // the retry must have done something: SageMaker changed the execution after its failure and ran Train
    // again (it fails again with the same hyperparameters, so "Failed" alone proves nothing)
    const retried = await until(
      () => describeExecutionDetail(r.executionArn),
      (d) => d.status !== "Executing",
    );
    expect(retried.lastModifiedAt).toBeGreaterThan(failed.lastModifiedAt ?? Infinity);
    const retrainedAt = retried.steps.find((s) => s.name === "Train")?.startedAt ?? 0;
    expect(retrainedAt).toBeGreaterThanOrEqual(train?.endedAt ?? Infinity);
    const retries = (await listAuditEvents(handle.db)).filter(
      (e) => e.action === "pipelines.retry" && e.target === r.executionArn,
    );
    expect(retries.map((e) => e.outcome)).toEqual(["ok"]);
    await expect(
      retryRun(ctx(), (await startRun(ctx(), PIPELINE, { parameters: {} })).executionArn),
    ).rejects.toThrow(/Only a failed execution can be retried/);
    const running = await startRun(ctx(), PIPELINE, { parameters: {} });
    await stopRun(ctx(), running.executionArn);
    const stopped = await until(
      () => describeExecutionDetail(running.executionArn),
      (d) => d.status === "Stopped",
    );
    expect(stopped.status).toBe("Stopped");
  });
});
