/**
 * The deployable artefact itself: two replicas of the built standalone server (serve.js) on one PostgreSQL and one
 * emulator. Migrations run once, liveness and readiness answer, and SIGTERM during a slow request lets it finish
 * while readiness answers 503, then the process exits 0 within SHUTDOWN_TIMEOUT_MS. Needs `npm run build` first
 * (npm test builds before vitest); without a build it is skipped locally and fails in CI.
 */
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@/tests/helpers/wait";
import {
  jsonLines,
  serviceToken,
  standaloneRunnable,
  startCluster,
  type Cluster,
  type Replica,
} from "@/tests/helpers/standalone";

const run = await standaloneRunnable("the standalone server test");
const METRICS_TOKEN = "metrics-token-for-the-standalone-test";
const TIMEOUT_MS = 10_000;

describe.runIf(run)("standalone server (serve.js), two replicas on PostgreSQL", () => {
  let cluster: Cluster;
  let emu: Cluster["emu"];
  let db: Cluster["db"];
  let replicas: Replica[] = [];

  beforeAll(async () => {
    // both at once: they race for the migration lock
    cluster = await startCluster(2, () => ({
      METRICS_TOKEN,
      SHUTDOWN_DRAIN_MS: "1000",
      SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
    }));
    ({ emu, db, replicas } = cluster);
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it("runs the migrations once although both replicas started together", async () => {
    const applied = replicas.map((r) => /applied (\d+) migration/.exec(r.output())?.[1]);
    const upToDate = replicas.filter((r) => /migrations up to date/.test(r.output()));
    const journal = JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as {
      entries: unknown[];
    };
    expect(applied.filter(Boolean)).toEqual([String(journal.entries.length)]);
    expect(upToDate).toHaveLength(1);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const rows = await client.query<{ n: number }>(
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    );
    await client.end();
    expect(rows.rows[0]?.n).toBe(journal.entries.length);
  });

  it("answers liveness and readiness on both replicas", async () => {
    for (const r of replicas) {
      const live = await fetch(`${r.url}/api/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${r.url}/api/health/ready`);
      const body = (await ready.json()) as {
        status: string;
        migrations: { expected: number; applied: number };
      };
      expect(ready.status, JSON.stringify(body)).toBe(200);
      expect(body.status).toBe("ready");
      expect(body.migrations.applied).toBe(body.migrations.expected);
    }
  });

  it("on SIGTERM: readiness fails, the slow request in flight completes, the process exits 0 in time", async () => {
    const token = await serviceToken(db.url, "standalone-test", ["read"]);
    const [replica] = replicas;
    if (!replica) throw new Error("no replica");
    const fault = await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "ListPipelines", latencyMs: 3_000 }),
    });
    expect(fault.status).toBe(200);

    const slow = fetch(`${replica.url}/api/pipelines`, { headers: { authorization: `Bearer ${token}` } });
    const metrics = () =>
      fetch(`${replica.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then(
        (r) => r.text(),
      );
    await waitFor(
      async () =>
        /sagedeck_http_requests_in_flight\{route="\/api\/pipelines"\} 1/.test(await metrics())
          ? true
          : undefined,
      { what: "the slow request to be in flight" },
    );
    const signalled = Date.now();
    replica.proc.kill("SIGTERM");
    const during = await waitFor(
      async () => {
        const res = await fetch(`${replica.url}/api/health/ready`);
        return res.status === 503 ? res : undefined;
      },
      { what: "readiness to fail" },
    );
    expect(((await during.json()) as { reason: string }).reason).toBe("shutting down");
    expect((await fetch(`${replica.url}/api/health/live`)).status).toBe(200);

    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { items?: unknown[] }).items ?? []).toBeDefined();
    const code = await replica.exited;
    expect(code, replica.output()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(TIMEOUT_MS);
    expect(replica.output()).toMatch(/stopped cleanly/);

    // the other replica still serves, and its request log is one JSON line per request
    const other = replicas[1];
    if (!other) throw new Error("no second replica");
    expect((await fetch(`${other.url}/api/health/ready`)).status).toBe(200);
    const line = jsonLines(other).find((l) => l.route === "/api/health/ready");
    expect(line).toMatchObject({ level: "info", method: "GET", status: 200, user: null });
    expect(line?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof line?.durationMs).toBe("number");
    expect(typeof line?.time).toBe("string");
  }, 60_000);
});
