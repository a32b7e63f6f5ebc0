/**
 * Why a run failed and how to fix it, against the real emulator: the failure summary (failed step, the end of its
 * log, what changed since the last good run), a re-run of only the failed step with a fixed parameter (linked to
 * its source, audited, idempotent, refused for a bad selection), and the compare API (parameters, steps, metrics,
 * a step that only one definition has).
 */
import { DescribePipelineCommand, UpdatePipelineCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { listAuditEvents } from "@/lib/db/audit";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { ValidationError } from "@/lib/errors";
import type { ExecutionComparison } from "@/lib/pipelines/compare";
import type { FailureSummary } from "@/lib/pipelines/failure-summary";
import { startRun, type RunContext } from "@/lib/pipelines/runs";
import { describeExecutionDetail } from "@/lib/sagemaker/pipelines/executions";
import type { ExecutionDetail } from "@/lib/sagemaker/pipelines/types";
import { clientAs } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { waitFor } from "@/tests/helpers/wait";

const viewer: SessionUser = { id: "v", username: "v", name: "V", role: "viewer", provider: "credentials" };
const sam: SessionUser = {
  id: "2",
  username: "sam",
  name: "Sam",
  role: "scientist",
  provider: "credentials",
};
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(viewer) }));
const compareRoute = await import("@/app/api/pipelines/[name]/executions/compare/route");
const summaryRoute = await import("@/app/api/pipelines/[name]/executions/[id]/failure-summary/route");

const PIPELINE = "churn-train";
const emu = emulatorFixture({ speed: 200, noCache: true });

async function get<T>(
  handler: typeof compareRoute.GET,
  path: string,
  params: Record<string, string>,
): Promise<{ status: number; body: T }> {
  const res = await handler(new Request(`http://127.0.0.1${path}`), { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as T };
}

const finished = (arn: string) =>
  waitFor(
    async () => {
      const d = await describeExecutionDetail(arn);
      return d.status === "Executing" ? undefined : d;
    },
    { what: `execution ${arn} to finish`, timeoutMs: 60_000, intervalMs: 200 },
  );

describe("failure summary, re-run from a step, compare", () => {
  let handle: DbHandle;
  let n = 0;
  const ctx = (): RunContext => ({ db: handle.db, user: sam, idempotencyKey: `rerun-key-${n++}` });
  let failed: ExecutionDetail;
  let rerun: ExecutionDetail;

  beforeAll(async () => {
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
    const r = await startRun(ctx(), PIPELINE, { parameters: { MaxDepth: 40 } });
    failed = await finished(r.executionArn);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("summarises a failed run: the step, its reason, its traceback, what changed since the last good run", async () => {
    expect(failed.status).toBe("Failed");
    const { status, body } = await get<FailureSummary>(
      summaryRoute.GET,
      `/api/pipelines/${PIPELINE}/executions/${failed.id}/failure-summary`,
      { name: PIPELINE, id: failed.id },
    );
    expect(status).toBe(200);
    expect(body.failed).toBe(true);
    expect(body.step?.name).toBe("Train");
    expect(body.step?.failureReason).toMatch(/max_depth/);
    expect(body.errorLines[0]?.message).toMatch(/^Traceback/);
    expect(body.errorLines.some((l) => /ClientError: .*max_depth/.test(l.message))).toBe(true);
    expect(body.lastSuccessful?.id).toBeTruthy();
    expect(body.lastSuccessful?.startedAt).toBeLessThan(failed.startedAt ?? 0);
    expect(body.changes?.parameters.find((p) => p.name === "MaxDepth")).toMatchObject({
      b: "40",
      differs: true,
    });
    expect(body.changes?.versionChanged).toBeUndefined();
    const ok = await get<FailureSummary>(summaryRoute.GET, "/x", {
      name: PIPELINE,
      id: body.lastSuccessful?.id ?? "",
    });
    expect(ok.body.failed).toBe(false);
  });

  it("re-runs only the failed step with a fixed parameter: it succeeds and links its source", async () => {
    const c = ctx();
    const body = {
      parameters: { MaxDepth: 6 },
      rerun: { sourceExecutionId: failed.id, steps: ["Train"] },
    };
    const [a, b] = await Promise.all([startRun(c, PIPELINE, body), startRun(c, PIPELINE, body)]);
    expect(b.executionArn).toBe(a.executionArn);
    rerun = await finished(a.executionArn);
    expect(rerun.status).toBe("Succeeded");
    expect(rerun.rerunOf).toEqual({ arn: failed.arn, id: failed.id, steps: ["Train"] });
    const train = rerun.steps.find((s) => s.name === "Train");
    expect(train?.status).toBe("Succeeded");
    expect(train?.reusedFromArn).toBeUndefined();
    const reused = rerun.steps.filter((s) => s.reusedFromArn === failed.arn).map((s) => s.name);
    expect(reused).toEqual(failed.steps.filter((s) => s.status === "Succeeded").map((s) => s.name));
    expect(reused.length).toBeGreaterThan(0);
    expect(rerun.steps).toHaveLength(reused.length + 1); // nothing after Train ran
    const audit = (await listAuditEvents(handle.db)).filter(
      (e) => e.action === "pipelines.start" && e.target === a.executionArn,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ rerunOf: failed.arn, steps: ["Train"] });

    const bad = await startRun(ctx(), PIPELINE, {
      parameters: {},
      rerun: { sourceExecutionId: failed.id, steps: ["Nope"] },
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as Error).message).toMatch(/Nope/);
    const refused = (await listAuditEvents(handle.db)).filter(
      (e) => e.action === "pipelines.start" && e.outcome === "failed",
    );
    expect(refused.some((e) => JSON.stringify(e.details).includes('"Nope"'))).toBe(true);
  }, 90_000);

  it("compares two executions: parameters, steps, metrics, and a step that one definition only has", async () => {
    const q = `/api/pipelines/${PIPELINE}/executions/compare?a=${failed.id}&b=${rerun.id}`;
    const { status, body } = await get<ExecutionComparison>(compareRoute.GET, q, { name: PIPELINE });
    expect(status).toBe(200);
    expect(body.parameters.find((p) => p.name === "MaxDepth")).toEqual({
      name: "MaxDepth",
      a: "40",
      b: "6",
      differs: true,
    });
    expect(body.parameters.filter((p) => p.name !== "MaxDepth").every((p) => !p.differs)).toBe(true);
    const train = body.steps.find((s) => s.name === "Train");
    expect(train).toMatchObject({ a: { status: "Failed" }, b: { status: "Succeeded" }, statusDiffers: true });
    expect(body.b.rerunOf).toBe(failed.id);
    expect(body.definitionChanged).toBe(false);
    const auc = body.metrics.find((m) => m.step === "Train" && m.metric === "validation:auc");
    expect(auc?.a).toBeUndefined();
    expect(auc?.b).toBeGreaterThan(0);

    // a new definition version with one more step
    const sm = clientAs(emu.url(), "admin");
    const d = await sm.send(new DescribePipelineCommand({ PipelineName: PIPELINE }));
    const def = JSON.parse(d.PipelineDefinition ?? "{}") as { Steps: unknown[] };
    def.Steps.push({
      Name: "Notify",
      Type: "Lambda",
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:noop",
      Arguments: {},
    });
    await sm.send(
      new UpdatePipelineCommand({ PipelineName: PIPELINE, PipelineDefinition: JSON.stringify(def) }),
    );
    const next = await finished((await startRun(ctx(), PIPELINE, { parameters: {} })).executionArn);
    const changed = await get<ExecutionComparison>(compareRoute.GET, "/x", { name: PIPELINE });
    expect(changed.status).toBe(422); // a and b are required
    const res = await compareRoute.GET(
      new Request(`http://127.0.0.1/api/pipelines/${PIPELINE}/executions/compare?a=${rerun.id}&b=${next.id}`),
      { params: Promise.resolve({ name: PIPELINE }) },
    );
    const cmp = (await res.json()) as ExecutionComparison;
    expect(cmp.definitionChanged).toBe(true);
    const notify = cmp.steps.find((s) => s.name === "Notify");
    expect(notify?.onlyIn).toBe("b");
    expect(notify?.a).toBeUndefined();
    expect(notify?.b?.status).toBe("Succeeded");
    expect(cmp.a.pipelineVersionId).not.toBe(cmp.b.pipelineVersionId);
  }, 90_000);
});
