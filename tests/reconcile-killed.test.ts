/**
 * Issue 17 items 1 and 6: a promotion whose request is killed (SIGKILL, a separate process) while its
 * UpdateEndpoint is in flight. SageMaker goes on with the update: the endpoint is Updating, DescribeEndpoint shows
 * the old config in EndpointConfigName and the decision's in PendingDeploymentSummary. The reconciler, ticking as
 * in production (RECONCILER_TICK_MS, default options), takes the decision over within 15 s of the kill — while the
 * endpoint is still Updating — and follows it to applied with ModelLifeCycle updated and one audit row (before:
 * it waited 60 s, then failed the promotion that SageMaker was rolling out). Needs PostgreSQL (two processes).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECONCILER_TICK_MS, reconcileDecisions } from "@/lib/approvals/reconcile";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { decisions, type DecisionRow } from "@/lib/db/schema";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { auditRowsOf, emulatorFault, groupOnStaging, promotions } from "@/tests/helpers/rollout-setup";
import { waitFor } from "@/tests/helpers/wait";

const hasPostgres = await postgresAvailable();

describe.runIf(hasPostgres)("a promotion killed mid-rollout (separate process)", () => {
  // speed 8: a rollout takes 15 s, so the endpoint is still Updating when the reconciler takes the decision over
  const emu = emulatorFixture({ speed: 8, dataDir: "sagedeck-killed-" });
  let handle: DbHandle;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const group = `killed-${Date.now() % 100000}`;

  beforeAll(async () => {
    process.env.DATABASE_URL = "";
    scratch = await createScratchDatabase();
    handle = await openDb({ kind: "postgres", url: scratch.url });
    await migrateDb(handle);
    await groupOnStaging(emu.url(), handle.db, group);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  it("the reconciler follows PendingDeploymentSummary: taken over within 15 s, applied, lifecycle updated", async () => {
    const db = handle.db;
    await emulatorFault(emu.url(), { operation: "UpdateEndpoint", latencyMs: 1_500, count: 1 });
    // node itself with tsx's loader: the tsx CLI runs the script in a grandchild that a SIGKILL would not reach
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("tests/helpers/promote-child.ts"), group, "2"],
      {
        env: { ...process.env, DATABASE_URL: scratch.url, SAGEMAKER_ENDPOINT: emu.url() },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise((r) => child.once("exit", r));
    const [intent] = await waitFor(
      async () => {
        const rows = await promotions(db, group, 2);
        return rows.length ? rows : undefined;
      },
      { what: "the intent row", timeoutMs: 60_000 },
    );
    if (!intent) throw new Error("no intent");
    // the UpdateEndpoint reached the emulator (its one-shot latency fault is used up): kill -9 now
    await waitFor(
      async () => {
        const faults = (await (await fetch(`${emu.url()}/_emulator/faults`)).json()) as unknown[];
        return JSON.stringify(faults).includes("UpdateEndpoint") ? undefined : true;
      },
      { what: "UpdateEndpoint to reach the emulator", timeoutMs: 60_000, intervalMs: 20 },
    );
    child.kill("SIGKILL");
    const killedAt = Date.now();
    await exited;
    expect(out).not.toContain("should have been killed");
    const row = async () => (await db.select().from(decisions).where(eq(decisions.id, intent.id)))[0];
    expect((await row())?.state).toBe("pending");

    // SageMaker goes on: the endpoint is Updating, the old config current, the decision's pending
    const updating = await waitFor(
      async () => {
        const e = await describeEndpoint(intent.endpointName ?? "", true);
        return e?.status === "Updating" ? e : undefined;
      },
      { what: "the endpoint to be Updating" },
    );
    expect(updating.pendingConfigName).toMatch(new RegExp(`-${intent.id.replace(/-/g, "").slice(0, 8)}$`));
    expect(updating.configName).not.toBe(updating.pendingConfigName);

    // the reconciler's production tick, default options
    let takenOver: { at: number; row: DecisionRow } | undefined;
    let finished: DecisionRow | undefined;
    while (!finished && Date.now() - killedAt < 60_000) {
      await reconcileDecisions(db);
      const now = await row();
      if (now && now.state !== "pending" && !takenOver) takenOver = { at: Date.now(), row: now };
      if (now && (now.state === "applied" || now.state === "failed")) finished = now;
      else await new Promise((r) => setTimeout(r, RECONCILER_TICK_MS));
    }
    expect(takenOver, "the reconciler took the decision over").toBeDefined();
    expect((takenOver?.at ?? Infinity) - killedAt).toBeLessThanOrEqual(15_000);
    // taken over while SageMaker was still rolling it out (followed through PendingDeploymentSummary)
    expect(takenOver?.row.outcome ?? "").toContain("rolling it out: Updating");
    expect(finished?.state).toBe("applied");
    const audit = await auditRowsOf(db, intent.id);
    expect(audit.map((a) => a.outcome)).toEqual(["ok"]);
    const v = await describeModelVersion(intent.modelPackageArn, true);
    expect(v.stage).toBe("Staging");
    expect(v.stageDescription ?? "").toContain(intent.id);
    const e = await describeEndpoint(intent.endpointName ?? "", true);
    expect(e?.servedArn).toBe(intent.modelPackageArn);
  }, 180_000);
});
