/** The warm API bench's load and measurements: keep-alive HTTP clients, a process's CPU time, emulator calls, database transactions. */
import fs from "node:fs";
import http from "node:http";
import type pg from "pg";

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the full line)
  return ticks / 100;
}

export async function upstreamCalls(emu: string): Promise<number> {
  const r = await fetch(`${emu}/_emulator/stats`);
  const calls = ((await r.json()) as { calls: Record<string, number> }).calls;
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

export interface Phase {
  samples: number[];
  seconds: number;
  errors: number;
  /** answers served by the answer cache (X-SageDeck-Cache: hit) */
  hits: number;
}

/** `clients` keep-alive clients, each sending its next request as soon as the previous answer is read, for `seconds`. */
export async function load(
  base: string,
  path: string,
  cookie: string,
  seconds: number,
  clients: number,
  extra: Record<string, string> = {},
): Promise<Phase> {
  const url = new URL(path, base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const samples: number[] = [];
  let errors = 0;
  let hits = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(url, { agent, headers: { cookie, ...extra } }, (res) => {
        if (res.headers["x-sagedeck-cache"] === "hit") hits++;
        res.on("data", () => undefined);
        res.on("end", () => {
          if (res.statusCode === 200) samples.push(performance.now() - t0);
          else errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { samples, seconds: elapsed, errors, hits };
}

/** Transactions the database has committed or rolled back so far (statistics flush within ~1 s). */
export async function dbTransactions(sql: pg.Client): Promise<number> {
  await new Promise((r) => setTimeout(r, 1_500));
  await sql.query("select pg_stat_clear_snapshot()");
  const r = await sql.query<{ n: string }>(
    "select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()",
  );
  return Number(r.rows[0]?.n ?? 0);
}
