/**
 * Issue 17 item 1: a slow UpdateEndpoint (12 s, longer than a lease) with no crash at all. The reconciler runs
 * every second while the request works; the request's lease keeps it away, so the decision is untouched and ends
 * applied with exactly one audit row (before: the reconciler failed it as "interrupted" and the live request then
 * overwrote the failure — one decision, two contradictory audit rows).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promoteVersion } from "@/lib/approvals/promote";
import { reconcileDecisions } from "@/lib/approvals/reconcile";
import type { DbHandle } from "@/lib/db/client";
import { DECISION_LEASE_MS } from "@/lib/db/decision-leases";
import { migrateDb } from "@/lib/db/migrate";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { dbTargets } from "@/tests/helpers/db-targets";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import {
  alex,
  auditRowsOf,
  emulatorFault,
  groupOnStaging,
  promotions,
  reconcileWhileAlive,
  settle,
} from "@/tests/helpers/rollout-setup";
import { waitFor } from "@/tests/helpers/wait";

process.env.SAGEMAKER_TIMEOUT_MS = "30000"; // the slow call is slow, not timed out
const targets = await dbTargets();
const emu = emulatorFixture({ speed: 100, dataDir: "sagedeck-lease-" }); // a 120 s rollout takes 1.2 s
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

const SLOW_MS = DECISION_LEASE_MS + 2_000;

describe.each(targets)("a slow UpdateEndpoint while the reconciler runs, on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `lease-${target.name.toLowerCase()}-${Date.now() % 100000}`;

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await groupOnStaging(emu.url(), handle.db, group);
  }, 120_000);
  afterAll(() => cleanup());

  it("leaves the decision to its live request: untouched, then applied with one audit row", async () => {
    const db = handle.db;
    await emulatorFault(emu.url(), { operation: "UpdateEndpoint", latencyMs: SLOW_MS, count: 1 });
    const live = promoteVersion(
      { db, user: alex },
      { group, version: 2, stage: "Staging", expectedStage: "Development" },
    );
    const [intent] = await waitFor(
      async () => {
        const rows = await promotions(db, group, 2);
        return rows.length ? rows : undefined;
      },
      { what: "the intent row" },
    );
    if (!intent) throw new Error("no intent");

    // the reconciler's tick, many times over, while the request is alive (its lease renewed past 10 s)
    const view = await reconcileWhileAlive(db, intent.id, live, SLOW_MS, { pendingOlderThanMs: 0 });
    expect(view.state).toBe("deploying");
    const finished = await settle(db, intent.id);
    expect(finished.state).toBe("applied");
    // a reconciler pass afterwards changes nothing
    await reconcileDecisions(db, { pendingOlderThanMs: -60_000 });
    const rows = await promotions(db, group, 2);
    expect(rows.map((r) => r.state)).toEqual(["applied"]);
    const audit = await auditRowsOf(db, intent.id);
    expect(audit.map((a) => a.outcome)).toEqual(["ok"]);
    expect((await describeModelVersion(intent.modelPackageArn, true)).stage).toBe("Staging");
  }, 90_000);
});
