import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { insertIntent } from "@/lib/db/decisions";
import { newLease } from "@/lib/db/decision-leases";
import { auditEvents, decisions, pipelineRunActions } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, RateLimitedError, ValidationError } from "@/lib/errors";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { approveVersion, rejectVersion } from "@/lib/approvals/decide";
import { promoteVersion, rollbackStage } from "@/lib/approvals/promote";
import { reconcileDecisions } from "@/lib/approvals/reconcile";
import { followRollout } from "@/lib/approvals/rollout";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { dbTargets } from "@/tests/helpers/db-targets";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";

const alex = user("alex");
const ada = user("ada", "admin");
const targets = await dbTargets();

const emu = emulatorFixture({ speed: 100, dataDir: "sagedeck-dec-" }); // a 120 s rollout takes 1.2 s
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

const fault = (body: unknown) =>
  fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });
const clearFaults = () => fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });

async function settle(db: DbHandle["db"], id: string) {
  for (let i = 0; i < 60; i++) {
    const r = await followRollout(db, id);
    if (r && r.state !== "deploying") return r;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error("rollout did not finish");
}

describe.each(targets)("decisions on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `dec-${target.name.toLowerCase()}-${Date.now() % 100000}`;
  const ctx = (u = alex) => ({ db: handle.db, user: u });

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await createGroup(emu.url(), group, `team-${group}`);
  }, 60_000);
  afterAll(() => cleanup());

  it("refuses a decision by the person who registered the version (separation of duties)", async () => {
    await registerVersion(emu.url(), group, "alex");
    await expect(
      approveVersion(ctx(), { group, version: 1, expectedStatus: "PendingManualApproval" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // registrant via SageDeck: ada started the run that registered version 2 (CreatedBy is someone else)
    const exec = `arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/${group}`;
    await registerVersion(emu.url(), group, "pipeline-role", { generatedBy: exec });
    await handle.db.insert(pipelineRunActions).values({
      id: `start-${group}`,
      action: "start",
      pipelineName: "p",
      executionArn: exec,
      clientRequestToken: `token-${group}`,
      actor: "ada",
      actorName: "Ada Tester",
      actorRole: "admin",
      state: "applied",
    });
    await expect(
      approveVersion(ctx(ada), { group, version: 2, expectedStatus: "PendingManualApproval" }),
    ).rejects.toThrow(/separation of duties/);
    expect((await describeModelVersion(await arnOf(1), true)).approvalStatus).toBe("PendingManualApproval");
    // someone else may decide
    const d = await approveVersion(ctx(), {
      group,
      version: 2,
      expectedStatus: "PendingManualApproval",
      reason: "good",
    });
    expect(d.state).toBe("applied");
    const v = await describeModelVersion(d.arn, true);
    expect(v.approvalStatus).toBe("Approved");
    expect(v.approvalDescription).toContain("Alex Tester");
  });

  async function arnOf(version: number) {
    const { findModelVersion } = await import("@/lib/sagemaker/registry/reads");
    return (await findModelVersion(group, version, true)).arn;
  }

  it("two approvers at the same moment: exactly one wins, the other gets 409 naming the winner", async () => {
    await registerVersion(emu.url(), group, "someone"); // v3
    const results = await Promise.allSettled([
      approveVersion(ctx(), { group, version: 3, expectedStatus: "PendingManualApproval" }),
      rejectVersion(ctx(ada), {
        group,
        version: 3,
        expectedStatus: "PendingManualApproval",
        reason: "worse",
      }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toBeInstanceOf(ConflictError);
    const winner = ok[0]?.status === "fulfilled" ? ok[0].value : undefined;
    expect((failed[0]?.reason as Error).message).toMatch(/Tester/);
    const v = await describeModelVersion(await arnOf(3), true);
    expect(v.approvalStatus).toBe(winner?.toStatus);
    const rows = await handle.db.select().from(decisions).where(eq(decisions.modelPackageArn, v.arn));
    expect(rows.filter((r) => r.state === "applied")).toHaveLength(1);
    // a late decision that still expects Pending is refused with who and when
    await expect(
      rejectVersion(ctx(ada), { group, version: 3, expectedStatus: "PendingManualApproval", reason: "late" }),
    ).rejects.toThrow(/Someone decided first|is .* now/);
    // once settled, the 409 names the person from SageDeck's record, not the dashboard's AWS identity
    await expect(
      approveVersion(ctx(), { group, version: 3, expectedStatus: "PendingManualApproval" }),
    ).rejects.toThrow(/Tester \(via SageDeck\) changed it at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it("the same decision twice takes effect once (the second is a 409; route replays: lib/api/idempotency)", async () => {
    await registerVersion(emu.url(), group, "someone"); // v4
    const request = { group, version: 4, expectedStatus: "PendingManualApproval" as const };
    await approveVersion(ctx(), request);
    await expect(approveVersion(ctx(), request)).rejects.toBeInstanceOf(ConflictError);
    const rows = await handle.db
      .select()
      .from(decisions)
      .where(eq(decisions.modelPackageArn, await arnOf(4)));
    expect(rows).toHaveLength(1);
  });

  it("a reason is required to reject and to promote to Production", async () => {
    await expect(
      rejectVersion(ctx(), { group, version: 4, expectedStatus: "Approved", reason: " " }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      promoteVersion(ctx(), { group, version: 4, stage: "Production", expectedStage: "Development" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("crash between intent and SageMaker call: the reconciler completes the approval, fails the promotion", async () => {
    await registerVersion(emu.url(), group, "someone"); // v5
    const arn = await arnOf(5);
    const base = {
      groupName: group,
      modelPackageArn: arn,
      actor: "alex",
      actorName: "Alex Tester",
      actorRole: "approver",
      // what a request that died right after writing its intent leaves: its lease, lapsing 10 s later
      ...newLease("live:crashed"),
    };
    const approval = await insertIntent(handle.db, {
      ...base,
      id: crypto.randomUUID(),
      action: "approve",
      subject: `approval:${arn}`,
      version: 5,
      expectedStatus: "PendingManualApproval",
      toStatus: "Approved",
    });
    // the approval's version is Approved after that, so the promotion intent is valid too
    const report = await reconcileDecisions(handle.db, { pendingOlderThanMs: -60_000 });
    expect(report.applied).toBeGreaterThanOrEqual(1);
    expect((await describeModelVersion(arn, true)).approvalStatus).toBe("Approved");
    const [row] = await handle.db.select().from(decisions).where(eq(decisions.id, approval.id));
    expect(row?.state).toBe("applied");
    const promo = await insertIntent(handle.db, {
      ...base,
      id: crypto.randomUUID(),
      action: "promote",
      subject: `stage:${group}:Staging`,
      version: 5,
      targetStage: "Staging",
      expectedStatus: "Development",
      toStatus: "Staging",
      endpointName: `${group}-staging`,
    });
    await reconcileDecisions(handle.db, { pendingOlderThanMs: -60_000 });
    const [p] = await handle.db.select().from(decisions).where(eq(decisions.id, promo.id));
    expect(p?.state).toBe("failed");
    expect(p?.outcome).toMatch(/Interrupted before the rollout/);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "model.promote"));
    expect(audit.some((a) => a.outcome === "failed")).toBe(true);
  });

  it("throttling during a decision: a clear 429 error and a failed record; the retry then works", async () => {
    await registerVersion(emu.url(), group, "someone"); // v6
    await fault({ operation: "UpdateModelPackage", throttle: true });
    const err: unknown = await approveVersion(ctx(), {
      group,
      version: 6,
      expectedStatus: "PendingManualApproval",
    }).catch((e: unknown) => e);
    await clearFaults();
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as Error).message).toMatch(/rate-limiting/);
    const arn = await arnOf(6);
    const rows = await handle.db.select().from(decisions).where(eq(decisions.modelPackageArn, arn));
    expect(rows.map((r) => r.state)).toEqual(["failed"]);
    expect(rows[0]?.outcome).toMatch(/Not applied/);
    expect((await describeModelVersion(arn, true)).approvalStatus).toBe("PendingManualApproval");
    const retry = await approveVersion(ctx(), { group, version: 6, expectedStatus: "PendingManualApproval" });
    expect(retry.state).toBe("applied");
  });

  it("promotes Staging → Production following the rollout, refuses Production before Staging, rolls back", async () => {
    await expect(
      promoteVersion(ctx(), {
        group,
        version: 6,
        stage: "Production",
        expectedStage: "Development",
        reason: "skip staging",
      }),
    ).rejects.toThrow(/has not been in Staging/);
    const staging = await promoteVersion(ctx(), {
      group,
      version: 4,
      stage: "Staging",
      expectedStage: "Development",
    });
    expect(staging.state).toBe("deploying");
    // two followers (a page poll and the reconciler) finish it once: one audit event
    const [a, b] = await Promise.all([settle(handle.db, staging.id), settle(handle.db, staging.id)]);
    expect([a.state, b.state]).toEqual(["applied", "applied"]);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "model.promote"));
    expect(events.filter((e) => e.details.decisionId === staging.id)).toHaveLength(1);
    expect((await describeEndpoint(`${group}-staging`, true))?.servedArn).toBe(await arnOf(4));
    const p4 = await promoteVersion(ctx(), {
      group,
      version: 4,
      stage: "Production",
      expectedStage: "Staging",
      reason: "beats baseline",
    });
    expect((await settle(handle.db, p4.id)).state).toBe("applied");
    const s6 = await promoteVersion(ctx(), {
      group,
      version: 6,
      stage: "Staging",
      expectedStage: "Development",
    });
    await settle(handle.db, s6.id);
    const p6 = await promoteVersion(ctx(), {
      group,
      version: 6,
      stage: "Production",
      expectedStage: "Staging",
      reason: "newer",
    });
    expect((await settle(handle.db, p6.id)).state).toBe("applied");
    expect((await describeModelVersion(await arnOf(4), true)).stage).toBe("Archived");
    const rb = await rollbackStage(ctx(), {
      group,
      stage: "Production",
      expectedVersion: 6,
      reason: "latency regression",
    });
    expect(rb.version).toBe(4);
    expect((await settle(handle.db, rb.id)).state).toBe("applied");
    expect((await describeEndpoint(`${group}-prod`, true))?.servedArn).toBe(await arnOf(4));
    expect((await describeModelVersion(await arnOf(6), true)).stageStatus).toBe("OnHold");
  }, 60_000);

  it("a failed rollout is recorded as failed with SageMaker's reason", async () => {
    await registerVersion(emu.url(), group, "someone", { image: false }); // v7
    await approveVersion(ctx(), { group, version: 7, expectedStatus: "PendingManualApproval" });
    const d = await promoteVersion(ctx(), {
      group,
      version: 7,
      stage: "Staging",
      expectedStage: "Development",
    });
    const done = await settle(handle.db, d.id);
    expect(done.state).toBe("failed");
    expect(done.outcome).toMatch(/no inference container image/);
    expect((await describeEndpoint(`${group}-staging`, true))?.servedArn).toBe(await arnOf(6));
  }, 30_000);
});
