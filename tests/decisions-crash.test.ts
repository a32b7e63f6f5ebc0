import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { decisions } from "@/lib/db/schema";
import { describeModelVersion, findModelVersion } from "@/lib/sagemaker/registry/reads";
import { reconcileDecisions } from "@/lib/approvals/reconcile";
import { createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { emulatorCalls, waitFor } from "@/tests/helpers/wait";

const hasPostgres = await postgresAvailable();

// A real crash: a child process writes the intent, starts the SageMaker call (slowed by an emulator latency
// fault) and is SIGKILLed mid-call. The reconciler, in this process, must then leave exactly one effect.
// Needs PostgreSQL (two processes cannot share an in-memory PGlite).
describe.runIf(hasPostgres)("a decision killed mid-call (separate process)", () => {
  const emu = emulatorFixture({ dataDir: "sagedeck-crash-" });
  let handle: DbHandle;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const group = `crash-${Date.now() % 100000}`;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    handle = await openDb({ kind: "postgres", url: scratch.url });
    await migrateDb(handle);
    await createGroup(emu.url(), group, "crash-team");
    await registerVersion(emu.url(), group, "someone");
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  it("the reconciler finds the intent and leaves the version Approved exactly once", async () => {
    await fetch(`${emu.url()}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "UpdateModelPackage", latencyMs: 3_000, count: 1 }),
    });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("tests/helpers/decide-child.ts"), group, "1"],
      {
        env: { ...process.env, DATABASE_URL: scratch.url, SAGEMAKER_ENDPOINT: emu.url() },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise((r) => child.once("exit", r));
    const arn = (await findModelVersion(group, 1, true)).arn;
    // wait for the intent row and for the call to reach the emulator (its one-shot latency fault is used up), then kill -9
    await waitFor(
      async () => (await handle.db.select().from(decisions).where(eq(decisions.modelPackageArn, arn)))[0],
      { what: "the intent row" },
    );
    await waitFor(
      async () => {
        const faults = (await (await fetch(`${emu.url()}/_emulator/faults`)).json()) as unknown[];
        return JSON.stringify(faults).includes("UpdateModelPackage") ? undefined : true;
      },
      { what: "UpdateModelPackage to reach the emulator" },
    );
    child.kill("SIGKILL");
    await exited;
    expect(out).not.toContain("should have been killed");
    const [pending] = await handle.db.select().from(decisions).where(eq(decisions.modelPackageArn, arn));
    expect(pending?.state).toBe("pending");

    // the slowed call finishes in the emulator even though its caller is dead
    await waitFor(async () => ((await emulatorCalls(emu.url())).UpdateModelPackage ? true : undefined), {
      what: "the killed call to land in the emulator",
    });
    const report = await reconcileDecisions(handle.db, { pendingOlderThanMs: -60_000 });
    expect(report.errors).toBe(0);
    const rows = await handle.db.select().from(decisions).where(eq(decisions.modelPackageArn, arn));
    expect(rows.map((r) => r.state)).toEqual(["applied"]);
    const v = await describeModelVersion(arn, true);
    expect(v.approvalStatus).toBe("Approved");
    expect(v.approvalDescription).toContain(rows[0]?.id);
  }, 60_000);
});
