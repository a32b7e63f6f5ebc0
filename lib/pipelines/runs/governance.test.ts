/**
 * Issue 12 holes 1–2 / issue 17 item 5 against the real emulator, on PGlite and PostgreSQL: approval
 * parameters cannot approve from SageDeck, and a run SageDeck started is always recorded and attributed —
 * even when the outcome write fails after SageMaker started it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb } from "@/lib/db/migrate";
import type { DbHandle } from "@/lib/db/client";
import { auditEvents, pipelineRunActions } from "@/lib/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { describePipeline, searchExecutions } from "@/lib/sagemaker/pipelines/reads";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { dbTargets } from "@/tests/helpers/db-targets";
import { user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createAutoApprovePipeline, failingOutcomes, finished } from "@/tests/helpers/pipeline-runs";
import { approveVersion } from "@/lib/approvals/decide";
import { reconcileRunActions, startRun, stopRun } from "@/lib/pipelines/runs";

const emu = emulatorFixture({ speed: 200, noCache: true, dataDir: "sagedeck-runs-" });
const AUTO = "churn-train-autoapprove";
const sam = user("sam", "scientist");
const ada = user("ada", "admin"); // may start runs and approve: separation of duties must stop her
const alex = user("alex");
const targets = await dbTargets();
let n = 0;
const key = () => `gov-key-${Date.now()}-${n++}`;

beforeAll(async () => {
  process.env.DATABASE_URL = "";
  await createAutoApprovePipeline(emu.url(), "churn-train", AUTO);
});

const newest = async (pipeline: string) =>
  (await searchExecutions({ pipelineArn: (await describePipeline(pipeline)).arn, pageSize: 1 })).items[0]
    ?.arn;

/** The model version a finished execution registered. */
async function registeredBy(executionArn: string) {
  const done = await finished(executionArn);
  expect(done.status).toBe("Succeeded");
  const arn = done.steps.find((s) => s.kind === "RegisterModel")?.resourceArn;
  expect(arn).toBeDefined();
  return describeModelVersion(arn ?? "", true);
}

describe.each(targets)("pipeline run governance on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const rows = () => handle.db.select().from(pipelineRunActions);
  const audits = (target: string) =>
    handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "pipelines.start"), eq(auditEvents.target, target)));

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
  }, 60_000);
  afterAll(() => cleanup());

  it("refuses ModelApprovalStatus=Approved with 422: no execution in SageMaker, no run recorded", async () => {
    const before = await newest("churn-train");
    const err = await startRun({ db: handle.db, user: sam, idempotencyKey: key() }, "churn-train", {
      parameters: { ModelApprovalStatus: "Approved" },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toBe(
      "ModelApprovalStatus is locked to PendingManualApproval: approval happens in the Approvals inbox, by someone other than the person who started the run.",
    );
    expect(await newest("churn-train")).toBe(before);
    expect(await rows()).toHaveLength(0);
  });

  it("sends PendingManualApproval when the pipeline's default is Approved: the version waits for approval", async () => {
    const r = await startRun({ db: handle.db, user: sam, idempotencyKey: key() }, AUTO, { parameters: {} });
    const v = await registeredBy(r.executionArn);
    expect((await finished(r.executionArn)).parameters.ModelApprovalStatus).toBe("PendingManualApproval");
    expect(v.approvalStatus).toBe("PendingManualApproval");
    const [row] = (await rows()).filter((x) => x.executionArn === r.executionArn);
    expect(row).toMatchObject({ action: "start", state: "applied", actor: "sam" });
    expect(row?.parameters.ModelApprovalStatus).toBe("PendingManualApproval");
    expect(await audits(r.executionArn)).toHaveLength(1);
  }, 60_000);

  it("a start whose outcome write fails stays pending; the reconciler completes it with one audit row", async () => {
    const ctx = { db: failingOutcomes(handle.db), user: sam, idempotencyKey: key() };
    // NumRound after ModelApprovalStatus by name, before it in PostgreSQL's jsonb: the re-sent start must match
    const parameters = { MaxDepth: "5", NumRound: "120" };
    await expect(startRun(ctx, "churn-train", { parameters })).rejects.toThrow(
      /Started in SageMaker .*could not record it yet/,
    );
    const started = await newest("churn-train");
    const pending = (await rows()).filter((x) => x.state === "pending");
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ action: "start", actor: "sam", executionArn: null });
    const report = await reconcileRunActions(handle.db, { pendingOlderThanMs: 0 });
    expect(report).toEqual({ applied: 1, failed: 0, errors: 0 });
    const [row] = (await rows()).filter((x) => x.id === pending[0]?.id);
    expect(row).toMatchObject({ state: "applied", executionArn: started });
    expect(await audits(started ?? "")).toHaveLength(1);
    expect(await newest("churn-train")).toBe(started); // the re-sent start made no second execution
    expect(await reconcileRunActions(handle.db, { pendingOlderThanMs: 0 })).toEqual({
      applied: 0,
      failed: 0,
      errors: 0,
    });
  }, 60_000);

  it("the starter of a run whose outcome write failed cannot approve the version it registered", async () => {
    const ctx = { db: failingOutcomes(handle.db), user: ada, idempotencyKey: key() };
    await expect(startRun(ctx, "churn-train", { parameters: {} })).rejects.toThrow(/could not record/);
    const v = await registeredBy((await newest("churn-train")) ?? "");
    const input = { group: v.group, version: v.version, expectedStatus: "PendingManualApproval" as const };
    const refused = await approveVersion({ db: handle.db, user: ada }, input).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as Error).message).toMatch(/you started the run that registered it/);
    expect((await describeModelVersion(v.arn, true)).approvalStatus).toBe("PendingManualApproval");
    expect((await rows()).find((x) => x.executionArn === v.generatedBy)).toMatchObject({
      actor: "ada",
      state: "applied",
    });
    await expect(approveVersion({ db: handle.db, user: alex }, input)).resolves.toMatchObject({
      state: "applied",
    });
  }, 60_000);

  it("a stop whose outcome write fails is completed by the reconciler (stopped once, audited once)", async () => {
    const r = await startRun({ db: handle.db, user: sam, idempotencyKey: key() }, "churn-train", {
      parameters: {},
    });
    const ctx = { db: failingOutcomes(handle.db), user: sam, idempotencyKey: key() };
    await expect(stopRun(ctx, r.executionArn)).rejects.toThrow(/could not record/);
    expect(await reconcileRunActions(handle.db, { pendingOlderThanMs: 0 })).toMatchObject({ applied: 1 });
    expect((await finished(r.executionArn)).status).toBe("Stopped");
    const stops = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "pipelines.stop"));
    expect(stops.filter((e) => e.target === r.executionArn && e.outcome === "ok")).toHaveLength(1);
  }, 60_000);
});
