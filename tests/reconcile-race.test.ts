/**
 * Issue 17 item 1: the reconciler and the live request both finishing one decision. The live request's database
 * hangs (a proxy holds its bytes) while its UpdateEndpoint lands, so its lease lapses for real: the reconciler
 * takes the decision over, follows the rollout and records it applied. Then the live request's database answers
 * and its own `pending → deploying` arrives late: it is conditional, loses, writes nothing and answers the
 * recorded state. Exactly one outcome and one audit row (before: the late write set the applied decision back to
 * deploying and a second "applied" audit row followed; with the reconciler's old rules, a failure and an
 * "applied" for one decision). PostgreSQL only (the proxy sits on TCP).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promoteVersion } from "@/lib/approvals/promote";
import { reconcileDecisions } from "@/lib/approvals/reconcile";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { startDbProxy, type DbProxy } from "@/tests/helpers/db-proxy";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import {
  alex,
  auditRowsOf,
  emulatorFault,
  groupOnStaging,
  intentWithUpdateInFlight,
  promotions,
  settle,
} from "@/tests/helpers/rollout-setup";
import { waitFor } from "@/tests/helpers/wait";

const hasPostgres = await postgresAvailable();

describe.runIf(hasPostgres)("the reconciler and the live request race to finish one promotion", () => {
  const emu = emulatorFixture({ speed: 100, dataDir: "sagedeck-race-" }); // a 120 s rollout takes 1.2 s
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let proxy: DbProxy;
  let direct: DbHandle; // the reconciler's connection
  let live: DbHandle; // the live request's, through the proxy
  const group = `race-${Date.now() % 100000}`;

  beforeAll(async () => {
    process.env.DATABASE_URL = "";
    scratch = await createScratchDatabase();
    direct = await openDb({ kind: "postgres", url: scratch.url });
    await migrateDb(direct);
    proxy = await startDbProxy(scratch.url);
    live = await openDb({ kind: "postgres", url: proxy.url });
    await groupOnStaging(emu.url(), direct.db, group);
  }, 120_000);
  afterAll(async () => {
    proxy?.resume();
    await live?.close();
    await proxy?.close();
    await direct?.close();
    await scratch?.drop();
  });

  it("exactly one outcome and one audit row; the late live write loses", async () => {
    await emulatorFault(emu.url(), { operation: "UpdateEndpoint", latencyMs: 1_500, count: 1 });
    const answer = promoteVersion(
      { db: live.db, user: alex },
      { group, version: 2, stage: "Staging", expectedStage: "Development" },
    );
    const intent = await intentWithUpdateInFlight(direct.db, emu.url(), group, 2);
    proxy.pause(); // the live request's database hangs: no renewal, and its outcome write waits

    // the reconciler's tick: nothing while the lease lives, then it takes over and follows the rollout
    const finished = await waitFor(
      async () => {
        await reconcileDecisions(direct.db, { pendingOlderThanMs: 0 });
        const [row] = await promotions(direct.db, group, 2);
        return row && (row.state === "applied" || row.state === "failed") ? row : undefined;
      },
      { what: "the reconciler to finish the decision", timeoutMs: 40_000, intervalMs: 1_000 },
    );
    expect(finished.state).toBe("applied");
    expect(finished.outcome).toContain("InService");

    proxy.resume(); // the live request's late pending → deploying arrives now
    const view = await answer;
    expect(view.state).toBe("applied");
    await settle(direct.db, intent.id);
    await reconcileDecisions(direct.db, { pendingOlderThanMs: -60_000 });

    const rows = await promotions(direct.db, group, 2);
    expect(rows.map((r) => r.state)).toEqual(["applied"]);
    const audit = await auditRowsOf(direct.db, intent.id);
    expect(audit.map((a) => a.outcome)).toEqual(["ok"]);
    expect((await describeModelVersion(intent.modelPackageArn, true)).stage).toBe("Staging");
  }, 120_000);
});
