/**
 * Issue 17 item 6: the database goes away after SageMaker accepted a promotion. The promote route answers 503
 * `record_pending` "Applied in SageMaker … the record will catch up" (before: 500 "Something went wrong"), and
 * once the database is back the background reconciler (started by the route, its production tick) records the
 * decision applied with one audit row and ModelLifeCycle updated. Also: a promote replayed by its Idempotency-Key
 * answers the decision's current state. The app's own database is a scratch PostgreSQL behind a TCP proxy.
 */
import "@/tests/helpers/scratch-data-dir";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { openDb, type DbHandle } from "@/lib/db/client";
import { startDbProxy, type DbProxy } from "@/tests/helpers/db-proxy";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { errorOf } from "@/tests/helpers/route-call";
import {
  auditRowsOf,
  emulatorFault,
  groupOnStaging,
  intentWithUpdateInFlight,
  promotions,
} from "@/tests/helpers/rollout-setup";
import { sessionUser } from "@/tests/helpers/session-user";
import { waitFor } from "@/tests/helpers/wait";

const hasPostgres = await postgresAvailable();
const currentUser: SessionUser = sessionUser("alex", "approver", "Alex Tester");
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

describe.runIf(hasPostgres)("a database outage after SageMaker accepted a promotion", () => {
  const emu = emulatorFixture({ speed: 100 }); // a 120 s rollout takes 1.2 s
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let proxy: DbProxy;
  let direct: DbHandle; // the test's own view of the database, never cut
  const group = `outage-${Date.now() % 100000}`;

  const promote = async (version: number, key: string, expectedStage = "Development") => {
    const { POST } = await import("@/app/api/models/[group]/[version]/promote/route");
    return POST(
      new Request(`http://127.0.0.1/api/models/${group}/${version}/promote`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://127.0.0.1", "idempotency-key": key },
        body: JSON.stringify({ stage: "Staging", expectedStage }),
      }),
      { params: Promise.resolve({ group, version: String(version) }) },
    );
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    proxy = await startDbProxy(scratch.url);
    process.env.DATABASE_URL = proxy.url; // the app's database (lib/db getDb) goes through the proxy
    const { getDb } = await import("@/lib/db");
    direct = await openDb({ kind: "postgres", url: scratch.url });
    await groupOnStaging(emu.url(), await getDb(), group);
  }, 120_000);
  afterAll(async () => {
    const { stopPeriodic } = await import("@/lib/periodic");
    await stopPeriodic();
    proxy?.restore();
    await direct?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  it("answers 503 'applied in SageMaker; the record will catch up', then the reconciler records it", async () => {
    await emulatorFault(emu.url(), { operation: "UpdateEndpoint", latencyMs: 1_500, count: 1 });
    const answer = promote(2, "outage-key-0001");
    const intent = await intentWithUpdateInFlight(direct.db, emu.url(), group, 2);
    proxy.cut(); // the database is unreachable from the app from now on

    const res = await answer;
    expect(res.status).toBe(503);
    const error = await errorOf(res);
    expect(error.code).toBe("record_pending");
    expect(error.message).toMatch(/^Applied in SageMaker/);
    expect(error.message).toContain("the record will catch up");
    expect((await promotions(direct.db, group, 2)).map((r) => r.state)).toEqual(["pending"]);

    proxy.restore();
    // the route started the reconciler (its production tick): it records the decision once the lease lapsed
    const recorded = await waitFor(
      async () => {
        const [row] = await promotions(direct.db, group, 2);
        return row?.state === "applied" || row?.state === "failed" ? row : undefined;
      },
      { what: "the reconciler to record the decision", timeoutMs: 40_000, intervalMs: 500 },
    );
    expect(recorded.state).toBe("applied");
    const audit = await auditRowsOf(direct.db, intent.id);
    expect(audit.map((a) => a.outcome)).toEqual(["ok"]);
    const { describeModelVersion } = await import("@/lib/sagemaker/registry/reads");
    expect((await describeModelVersion(intent.modelPackageArn, true)).stage).toBe("Staging");
  }, 120_000);

  it("a promote replayed by its Idempotency-Key answers the decision's current state", async () => {
    const first = await promote(1, "replay-key-0001", "Staging"); // version 1 back to Staging (2 serves it now)
    expect(first.status).toBe(202);
    const { decision } = (await first.json()) as { decision: { id: string; state: string } };
    expect(decision.state).toBe("deploying");
    await waitFor(
      async () => {
        const [row] = await promotions(direct.db, group, 1).then((rows) =>
          rows.filter((r) => r.id === decision.id),
        );
        return row?.state === "applied" ? row : undefined;
      },
      { what: "the reconciler to finish the rollout", timeoutMs: 30_000, intervalMs: 500 },
    );
    const replay = await promote(1, "replay-key-0001", "Staging");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { decision: { state: string } }).decision.state).toBe("applied");
  }, 60_000);
});
