/**
 * Issue 17 follow-up: a deploy-gate answer holds its decision's lease while its request works, as approve/reject and
 * promote/rollback do, so the reconciler never takes over a gate answer whose request is alive. Before, a gate
 * intent held no lease: once it was older than UNLEASED_GRACE_MS (a minute) the reconciler took it over while the
 * request was still waiting on PutApprovalResult — it sent the answer itself and recorded it, and the live request's
 * own (slow) call then found the gate answered and told the person 409 "was approved by …" for their own answer.
 * Real emulator (a 12 s PutApprovalResult through its fault injection: longer than a lease, so only renewals keep
 * the reconciler away), real PGlite, the reconciler's pass every second while the request runs.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveVersion } from "@/lib/approvals/decide";
import { reconcileDecisions } from "@/lib/approvals/reconcile";
import type { DbHandle } from "@/lib/db/client";
import { DECISION_LEASE_MS, UNLEASED_GRACE_MS } from "@/lib/db/decision-leases";
import { migrateDb } from "@/lib/db/migrate";
import { decisions } from "@/lib/db/schema";
import { gateRun, gateSubject } from "@/lib/deploy-pipelines/gate-answered";
import { answerGate } from "@/lib/deploy-pipelines/gate-decide";
import { waitingGatesOf } from "@/lib/deploy-pipelines/gates";
import { dbTargets } from "@/tests/helpers/db-targets";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { createDeployPipeline } from "@/tests/helpers/deploy-pipeline";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { auditRowsOf, emulatorFault, reconcileWhileAlive } from "@/tests/helpers/rollout-setup";
import { waitFor } from "@/tests/helpers/wait";

process.env.SAGEMAKER_TIMEOUT_MS = "30000"; // the slow call is slow, not timed out
const [pglite] = await dbTargets();
const alex = user("alex");
const bob = user("bob");
const emu = emulatorFixture({ speed: 200, dataDir: "sagedeck-gate-lease-" });
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

const SLOW_MS = DECISION_LEASE_MS + 2_000;

describe("a slow PutApprovalResult while the reconciler runs (emulator + PGlite)", () => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `gate-lease-${Date.now() % 100000}`;
  const pipeline = `${group}-modeldeploy`;

  beforeAll(async () => {
    if (!pglite) throw new Error("no PGlite target");
    ({ handle, cleanup } = await pglite.open());
    await migrateDb(handle);
    await createGroup(emu.url(), group, "gate-team");
    await createDeployPipeline(emu.url(), group, pipeline);
  }, 60_000);
  afterAll(() => cleanup());

  it("leaves the gate answer to its live request: untouched, then applied with one audit row", async () => {
    const db = handle.db;
    await registerVersion(emu.url(), group, "rita");
    await approveVersion({ db, user: alex }, { group, version: 1, expectedStatus: "PendingManualApproval" });
    const gate = await waitFor(
      async () =>
        (await waitingGatesOf(group, pipeline, { fresh: true })).find((g) => g.version?.version === 1),
      { what: "the gate of version 1", timeoutMs: 30_000, intervalMs: 200 },
    );
    const where = {
      pipeline,
      executionId: gate.executionId,
      stage: gate.stage,
      action: gate.action,
    };

    await emulatorFault(emu.url(), {
      operation: "codepipeline:PutApprovalResult",
      latencyMs: SLOW_MS,
      count: 1,
    });
    const live = answerGate(
      { db, user: bob },
      { ...where, token: gate.token, answer: "approve", reason: "staging looks right" },
    );
    const intent = await waitFor(
      async () =>
        (
          await db
            .select()
            .from(decisions)
            .where(eq(decisions.subject, gateSubject(where)))
        )[0],
      { what: "the gate answer's intent" },
    );
    // the request has been at it for over a minute (slow calls, retries): past the grace an unleased row got
    await db
      .update(decisions)
      .set({ createdAt: new Date(Date.now() - UNLEASED_GRACE_MS - 5_000) })
      .where(eq(decisions.id, intent.id));

    const view = await reconcileWhileAlive(db, intent.id, live, SLOW_MS);
    expect(view.state).toBe("applied");
    const [row] = await db.select().from(decisions).where(eq(decisions.id, intent.id));
    expect(row?.leaseOwner).toMatch(/^live:/); // only the live request held it
    expect((await auditRowsOf(db, intent.id)).map((a) => a.outcome)).toEqual(["ok"]);
    const run = await gateRun(where);
    expect(run?.status).toBe("Succeeded");
    expect(run?.summary ?? "").toContain(intent.id);
    // a reconciler pass afterwards changes nothing
    expect(await reconcileDecisions(db)).toEqual({ applied: 0, failed: 0, inFlight: 0, errors: 0 });
  }, 120_000);
});
