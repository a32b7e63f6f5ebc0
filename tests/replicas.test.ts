/**
 * Two standalone replicas (serve.js) on one PostgreSQL and one emulator behave as one system: decisions,
 * Idempotency-Keys, the sign-in throttle, session revocation and the background jobs (one maturity snapshot per
 * period, one reconciler pass at a time) are shared through the database, whichever replica a request reaches.
 * Needs `npm run build` first; skipped locally without it, fails in CI.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { insertIntent } from "@/lib/db/decisions";
import { createUser } from "@/lib/db/users";
import { createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";
import {
  jsonLines,
  serviceToken,
  standaloneRunnable,
  startCluster,
  type Cluster,
} from "@/tests/helpers/standalone";
import { api, metricSum, signIn, signOut } from "@/tests/helpers/standalone-http";
import { emulatorCalls, waitFor } from "@/tests/helpers/wait";

const run = await standaloneRunnable("the replicas test");
const METRICS_TOKEN = "metrics-token-for-the-replicas-test";
const GROUP = "replicas-fraud";
const PASSWORD = "right-password-1";

describe.runIf(run)("two replicas on one PostgreSQL behave as one system", () => {
  let c: Cluster;
  let A = "";
  let B = "";
  let token = "";
  let sql: pg.Client;
  const arns: string[] = [];
  const approve = (base: string, version: number, headers: Record<string, string> = {}) =>
    api<{ decision?: { id: string; state: string } }>(base, `/api/models/${GROUP}/${version}/approve`, {
      token,
      headers,
      body: { expectedStatus: "PendingManualApproval", reason: "replicas test" },
    });

  beforeAll(async () => {
    // SageMaker calls may take 11 s in the reconciler test (the default deadline is shorter)
    c = await startCluster(2, () => ({
      METRICS_TOKEN,
      MATURITY_SNAPSHOT_MINUTES: "30",
      SAGEMAKER_TIMEOUT_MS: "20000",
    }));
    [A, B] = c.replicas.map((r) => r.url) as [string, string];
    token = await serviceToken(c.db.url, "replicas-test", ["read", "models.decide", "users.manage"]);
    const handle = await openDb({ kind: "postgres", url: c.db.url });
    for (const username of ["terry", "sam", "dana"]) {
      await createUser(handle.db, { username, name: username, password: PASSWORD, role: "viewer" });
    }
    await handle.close();
    await createGroup(c.emu.url, GROUP, "risk");
    for (let i = 0; i < 4; i++) arns.push(await registerVersion(c.emu.url, GROUP, "data-scientist"));
    sql = new pg.Client({ connectionString: c.db.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await c?.stop();
  });

  it("a decision made on A is seen on B, and a conflicting decision on B gets 409", async () => {
    const first = await approve(A, 1);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const id = first.body.decision?.id ?? "";
    const seen = await api<{ decision?: { state: string } }>(B, `/api/approvals/decisions/${id}`, { token });
    expect(seen.status).toBe(200);
    expect(seen.body.decision?.state).toBe("applied");
    const conflict = await api(B, `/api/models/${GROUP}/1/reject`, {
      token,
      body: { expectedStatus: "PendingManualApproval", reason: "too late" },
    });
    expect(conflict.status).toBe(409);
  });

  it("the same Idempotency-Key sent to A then B replays one answer (one decision, one set of audit rows)", async () => {
    const key = crypto.randomUUID();
    const first = await approve(A, 2, { "idempotency-key": key });
    expect(first.status).toBe(200);
    const auditRows = async () =>
      (
        await sql.query<{ n: number }>(
          "select count(*)::int as n from audit_events where details->>'decisionId' = $1",
          [first.body.decision?.id],
        )
      ).rows[0]?.n;
    const rowsBefore = await auditRows();
    expect(rowsBefore).toBeGreaterThan(0);
    const again = await approve(B, 2, { "idempotency-key": key });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.decision?.id).toBe(first.body.decision?.id);
    expect(await auditRows()).toBe(rowsBefore);
    const decisions = await sql.query("select id from decisions where group_name = $1 and version = 2", [
      GROUP,
    ]);
    expect(decisions.rowCount).toBe(1);
  });

  it("sign-in failures split over A and B lock the account on both (429)", async () => {
    for (const [i, base] of [A, A, A, B, B].entries()) {
      const r = await signIn(base, "terry", `wrong-password-${i}`);
      expect(r.session, `failure ${i} on ${base}`).toBeNull();
    }
    for (const base of [A, B]) {
      const locked = await signIn(base, "terry", PASSWORD);
      expect(locked.status, base).toBe(429);
      expect(locked.session).toBeNull();
    }
  });

  it("a session signed out on A, or whose user is disabled on A, is refused on B", async () => {
    const sam = await signIn(A, "sam", PASSWORD);
    expect(sam.session).not.toBeNull();
    const cookie = sam.session ?? "";
    expect((await api(B, "/api/approvals", { cookie })).status).toBe(200);
    expect(await signOut(A, cookie)).toBeLessThan(400);
    // each replica trusts a session check for at most 2 s (lib/auth/session-check.ts)
    await waitFor(
      async () => ((await api(B, "/api/approvals", { cookie })).status === 401 ? true : undefined),
      {
        what: "B to refuse the signed-out session",
      },
    );

    const dana = await signIn(A, "dana", PASSWORD);
    const danaCookie = dana.session ?? "";
    expect((await api(B, "/api/approvals", { cookie: danaCookie })).status).toBe(200);
    const disabled = await api(A, "/api/users/dana", { token, method: "PATCH", body: { disabled: true } });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    await waitFor(
      async () =>
        (await api(B, "/api/approvals", { cookie: danaCookie })).status === 401 ? true : undefined,
      { what: "B to refuse the disabled user's session" },
    );
  });

  it("schedulers: one maturity snapshot for the period although both replicas started the scheduler", async () => {
    const snapshots = () =>
      sql.query<{ taken_at: Date }>(
        "select distinct taken_at from maturity_snapshots where source = 'scheduled' order by taken_at",
      );
    await waitFor(async () => ((await snapshots()).rowCount ?? 0) > 0 || undefined, {
      what: "the first scheduled snapshot",
      timeoutMs: 60_000,
    });
    // each replica logs its scheduler's first tick: taken, skipped (the other was storing) or fresh
    const ticks = await waitFor(
      () => {
        const each = c.replicas.map((r) => jsonLines(r).filter((l) => l.job === "maturity-snapshot"));
        return each.every((t) => t.length > 0) ? each.flat().map((l) => String(l.outcome)) : undefined;
      },
      { what: "both schedulers to tick", timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(ticks.filter((o) => o === "taken")).toHaveLength(1);
    expect(ticks.filter((o) => o === "failed")).toEqual([]);
    expect((await snapshots()).rowCount).toBe(1);
  }, 90_000);

  it("reconciler: a stale intent is handled by one replica's pass; the other's tick is skipped meanwhile", async () => {
    // each pass that reads the intent lasts longer than the 10 s reconciler period, so the other replica ticks
    // during it: without a cluster-wide lock both would read the intent and race
    await fetch(`${c.emu.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "DescribeModelPackage", latencyMs: 11_000 }),
    });
    await fetch(`${c.emu.url}/_emulator/stats`, { method: "DELETE" });
    const handle = await openDb({ kind: "postgres", url: c.db.url });
    const arn = arns[2] ?? "";
    const id = crypto.randomUUID();
    await insertIntent(handle.db, {
      id,
      groupName: GROUP,
      modelPackageArn: arn,
      actor: "alex",
      actorName: "Alex Tester",
      actorRole: "approver",
      action: "approve",
      subject: `approval:${arn}`,
      version: 3,
      expectedStatus: "PendingManualApproval",
      toStatus: "Approved",
    });
    await handle.close();
    await sql.query("update decisions set created_at = now() - interval '5 minutes' where id = $1", [id]);
    const skippedBefore = await skipped();
    await waitFor(
      async () =>
        (await sql.query<{ state: string }>("select state from decisions where id = $1", [id])).rows[0]
          ?.state === "applied" || undefined,
      { what: "the reconciler to apply the stale intent", timeoutMs: 60_000, intervalMs: 250 },
    );
    await fetch(`${c.emu.url}/_emulator/faults`, { method: "DELETE" });
    const calls = await emulatorCalls(c.emu.url);
    expect(calls.DescribeModelPackage).toBe(1);
    expect(calls.UpdateModelPackage).toBe(1);
    expect(await skipped()).toBeGreaterThan(skippedBefore);
    // the pass counts its actions once it has finished (the grants step comes after the decisions)
    const applied = () =>
      Promise.all(
        c.replicas.map((r) =>
          metricSum(r.url, METRICS_TOKEN, "sagedeck_reconciler_actions_total", {
            job: "reconciler",
            result: "applied",
          }),
        ),
      ).then((each) => each.reduce((a, b) => a + b, 0));
    await waitFor(async () => ((await applied()) > 0 ? true : undefined), { what: "the pass to be counted" });
    expect(await applied()).toBe(1);
  }, 90_000);

  async function skipped(): Promise<number> {
    const each = await Promise.all(
      c.replicas.map((r) =>
        metricSum(r.url, METRICS_TOKEN, "sagedeck_background_job_runs_total", {
          job: "reconciler",
          outcome: "skipped",
        }),
      ),
    );
    return each.reduce((a, b) => a + b, 0);
  }
});
