/**
 * Issue 17 item 5: pipeline starts and stops follow intent → call → outcome even when PostgreSQL fails during the
 * SageMaker call. The app reaches PostgreSQL through a TCP proxy that the test cuts (or its backends are
 * terminated) while StartPipelineExecution is in flight. A run that started in SageMaker ends recorded as started
 * (applied) with exactly one audit row after reconciliation, never as "pipelines.start failed"; a run that did not
 * start is never recorded as started. Real PostgreSQL, real emulator (its fault injection), real SDK.
 */
import { ListPipelineExecutionsCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { AppError } from "@/lib/errors";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { reconcileRunActions, startRun, stopRun, type RunContext } from "@/lib/pipelines/runs";
import { clientAs } from "@/tests/helpers/decisions-fixtures";
import { queryRows, terminateBackends } from "@/tests/helpers/db-faults";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { startTcpProxy, type TcpProxy } from "@/tests/helpers/tcp-proxy";
import { waitFor } from "@/tests/helpers/wait";

const run = await postgresAvailable();
const PIPELINE = "fraud-graph-train";
const HOME = "123456789012";
const sam: SessionUser = {
  id: "2",
  username: "sam",
  name: "Sam",
  role: "scientist",
  provider: "credentials",
};
const emu = emulatorFixture({ dataDir: "sagedeck-faults-runs-", noCache: true });

interface ActionRow {
  id: string;
  state: string;
  execution_arn: string | null;
  outcome: string | null;
}
interface AuditRow {
  action: string;
  outcome: string;
  target: string;
}

describe.runIf(run)("run actions when PostgreSQL fails during the SageMaker call", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let handle: DbHandle;
  let n = 0;
  const ctx = (): RunContext => ({ db: handle.db, user: sam, idempotencyKey: `outage-${Date.now()}-${n++}` });

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    proxy = await startTcpProxy("127.0.0.1", Number(new URL(scratch.url).port || 5432));
    handle = await openDb({ kind: "postgres", url: proxy.url(scratch.url) });
    await migrateDb(handle);
  }, 60_000);
  afterEach(async () => {
    proxy.restore();
    await fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });
  });
  afterAll(async () => {
    await handle?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  const fault = (body: object) =>
    fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });
  const executions = async () => {
    const r = await clientAs(emu.url(), "checker").send(
      new ListPipelineExecutionsCommand({ PipelineName: PIPELINE, MaxResults: 100 }),
    );
    return (r.PipelineExecutionSummaries ?? []).map((e) => e.PipelineExecutionArn ?? "");
  };
  const actions = (key: string) =>
    queryRows<ActionRow>(scratch.url, "SELECT * FROM pipeline_run_actions WHERE idempotency_key = $1", [key]);
  const auditOf = (id: string) =>
    queryRows<AuditRow>(scratch.url, "SELECT * FROM audit_events WHERE details->>'runActionId' = $1", [id]);
  /** waits until StartPipelineExecution is in flight in the emulator (its one-shot latency fault was taken) */
  const inFlight = (operation: string) =>
    waitFor(
      async () => {
        const r = (await (await fetch(`${emu.url()}/_emulator/faults`)).json()) as {
          faults: { operation: string }[];
        };
        return r.faults.some((f) => f.operation === operation) ? undefined : true;
      },
      { what: `${operation} to be in flight`, intervalMs: 10 },
    );

  /** the run reconciler until the action is no longer pending (the database may still be coming back) */
  async function reconciled(key: string): Promise<ActionRow> {
    return waitFor(
      async () => {
        await reconcileRunActions(handle.db, { pendingOlderThanMs: 0 }).catch(() => undefined);
        const [row] = await actions(key);
        return row && row.state !== "pending" ? row : undefined;
      },
      { what: "the run reconciler to finish the action", timeoutMs: 20_000, intervalMs: 200 },
    );
  }

  async function expectStartedOnce(key: string, before: string[]): Promise<void> {
    const row = await reconciled(key);
    const created = (await executions()).filter((a) => !before.includes(a));
    expect(created).toHaveLength(1);
    expect(row.state).toBe("applied");
    expect(row.execution_arn).toBe(created[0]);
    const audit = await auditOf(row.id);
    expect(audit).toEqual([expect.objectContaining({ action: "pipelines.start", outcome: "ok" })]);
  }

  it("proxy cut while StartPipelineExecution is in flight: the started run is recorded applied, audited once", async () => {
    const before = await executions();
    await fault({ operation: "StartPipelineExecution", latencyMs: 600, count: 1 });
    const c = ctx();
    const started = startRun(c, PIPELINE, { parameters: {} }).then(
      () => "answered",
      (err: AppError) => `${err.code}: ${err.message}`,
    );
    await inFlight("StartPipelineExecution");
    proxy.cut();
    const answer = await started;
    // SageMaker started it; the answer says so and does not claim it failed
    expect(answer).toMatch(
      /^record_pending: Started in SageMaker \(execution \w+\), but SageDeck could not record/,
    );
    setTimeout(() => proxy.restore(), 1_500);
    await expectStartedOnce(c.idempotencyKey, before);
  });

  it("backends terminated while StartPipelineExecution is in flight: recorded applied, audited once", async () => {
    const before = await executions();
    await fault({ operation: "StartPipelineExecution", latencyMs: 600, count: 1 });
    const c = ctx();
    const started = startRun(c, PIPELINE, { parameters: {} }).catch(() => undefined);
    await inFlight("StartPipelineExecution");
    expect(await terminateBackends(scratch.url)).toBeGreaterThan(0);
    await started;
    await expectStartedOnce(c.idempotencyKey, before);
  });

  it("an answer lost after SageMaker started the run, then throttling until the deadline: never 'failed'", async () => {
    const before = await executions();
    // the first attempt starts the run but its answer is a 500; every retry of it is throttled
    await fault({
      operation: "StartPipelineExecution",
      account: HOME,
      count: 1,
      mix: [{ errorCode: "InternalFailure", errorRate: 1, after: true }],
    });
    await fault({ operation: "StartPipelineExecution", throttle: true });
    const c = ctx();
    await startRun(c, PIPELINE, { parameters: {} }).catch(() => undefined);
    const [first] = await actions(c.idempotencyKey);
    expect(first?.state, `recorded ${first?.state}: ${first?.outcome}`).not.toBe("failed");
    await fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });
    await expectStartedOnce(c.idempotencyKey, before);
  }, 30_000);

  it("a start SageMaker refuses while the database is cut is never recorded as started", async () => {
    const before = await executions();
    await fault({ operation: "StartPipelineExecution", errorCode: "ValidationException", latencyMs: 400 });
    const c = ctx();
    const started = startRun(c, PIPELINE, { parameters: {} }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 150));
    proxy.cut();
    await started;
    proxy.restore();
    const row = await reconciled(c.idempotencyKey);
    expect(row.state).toBe("failed");
    expect(row.execution_arn).toBeNull();
    expect((await executions()).filter((a) => !before.includes(a))).toEqual([]);
    expect(await auditOf(row.id)).toEqual([expect.objectContaining({ outcome: "failed" })]);
  });

  it("proxy cut during StopPipelineExecution: the stop is recorded applied once, SageMaker stops the run", async () => {
    const c = ctx();
    const { executionArn } = await startRun(c, PIPELINE, { parameters: {} });
    await fault({ operation: "StopPipelineExecution", latencyMs: 600, count: 1 });
    const s = { ...ctx() };
    const stopped = stopRun(s, executionArn).catch(() => undefined);
    await inFlight("StopPipelineExecution");
    proxy.cut();
    await stopped;
    setTimeout(() => proxy.restore(), 1_000);
    const row = await reconciled(s.idempotencyKey);
    expect(row.state).toBe("applied");
    expect(await auditOf(row.id)).toEqual([
      expect.objectContaining({ action: "pipelines.stop", outcome: "ok" }),
    ]);
    const trail = (await (
      await fetch(`${emu.url()}/_emulator/trail?eventName=StopPipelineExecution`)
    ).json()) as {
      events: { requestParameters?: { PipelineExecutionArn?: string }; errorCode?: string }[];
    };
    const stops = trail.events.filter((e) => e.requestParameters?.PipelineExecutionArn === executionArn);
    expect(stops.filter((e) => !e.errorCode).length).toBeGreaterThanOrEqual(1);
  });
});
