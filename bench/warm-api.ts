/**
 * Warm API throughput (issue 18): the built standalone server (serve.js, `npm run build` first) on a scratch
 * PostgreSQL and a large-scale emulator, every SageMaker answer cached (long cache TTL, warmed first, and the
 * emulator's call count checked to stay 0 while measuring). 64 concurrent keep-alive clients with one signed-in
 * approver's cookie call `/api/approvals` and the 10,000-run experiment's runs page API.
 * Prints requests/s, p50/p95 latency, the server's CPU time per request (service time, from /proc: what one
 * core can serve is 1,000 / that) and database transactions per request, with the goal.
 * Repeated reads are answered by serve.js's answer cache (scripts/serve/README.md, ANSWER_CACHE_TTL_MS, default
 * 1 s): the bench counts its hits (X-SageDeck-Cache) and prints them beside each figure; the "through Next" rows
 * send `Cache-Control: no-cache`, which the answer cache never answers, so they measure the miss path.
 *
 * Before/after on a busy machine: BENCH_BEFORE_DIR=<copy of an older .next/standalone> runs that build too, on
 * the same emulator, and the load alternates between the two servers in short phases (WARM_API_ROUNDS ×
 * WARM_API_SECONDS each), so both see the same background load; the CPU time per request is the steadier figure.
 *
 *   npm run bench -- warm-api        (WARM_API_PROFILE=<dir> also writes a --cpu-prof of the server(s) there;
 *                                     BENCH_STANDALONE_DIR=<dir> runs a copy of a build instead of .next/standalone)
 */
import path from "node:path";
import pg from "pg";
import { fmt, spawnEmulator } from "./lib";
import { cpuSeconds, dbTransactions, load, upstreamCalls } from "./load-clients";
import { figure } from "./report";
import { standaloneDir, startStack, type Stack } from "./server";

const CLIENTS = 64;
const SECONDS = Number(process.env.WARM_API_SECONDS ?? 5);
const ROUNDS = Number(process.env.WARM_API_ROUNDS ?? 3);
const BENCH = "warm-api";

const RUNS = "/api/experiments/bench-10k-runs/runs?size=50";
/** the answer cache's TTL the servers run with (their default) */
const ANSWER_TTL_MS = Number(process.env.ANSWER_CACHE_TTL_MS ?? 1000);
const FRESH = { "cache-control": "no-cache" };

const TARGETS: { label: string; path: string; goal: boolean; headers?: Record<string, string> }[] = [
  { label: "/api/approvals", path: "/api/approvals", goal: true },
  { label: "/api/experiments/bench-10k-runs/runs", path: RUNS, goal: true },
  // the miss path: the same requests through Next and the route wrapper every time (what a cache miss costs)
  { label: "/api/approvals through Next", path: "/api/approvals", goal: false, headers: FRESH },
  { label: "/api/experiments/bench-10k-runs/runs through Next", path: RUNS, goal: false, headers: FRESH },
  // the floor: a route through the same wrapper that reads nothing (no session, database or SageMaker) — what
  // Next and the wrapper cost per request before SageDeck does any work
  { label: "/api/health/live (floor)", path: "/api/health/live", goal: false },
];

interface Server {
  label: string;
  stack: Stack;
  sql: pg.Client;
  /** accumulated over the phases of one target */
  samples: number[];
  seconds: number;
  errors: number;
  hits: number;
  cpu: number;
  tx: number;
}

async function main() {
  const profileDir = process.env.WARM_API_PROFILE;
  const emu = await spawnEmulator({ EMULATOR_SCALE: "large" });
  console.log(`emulator (large) up in ${fmt(emu.startupMs)}`);
  const builds = [
    ...(process.env.BENCH_BEFORE_DIR
      ? [{ label: "before", dir: path.resolve(process.env.BENCH_BEFORE_DIR) }]
      : []),
    { label: "now", dir: standaloneDir() },
  ];
  const servers: Server[] = [];
  try {
    for (const b of builds) {
      const stack = await startStack({
        scale: "large",
        role: "approver",
        dir: b.dir,
        emulator: emu,
        env: { SAGEMAKER_CACHE_TTL_MS: "3600000", ANSWER_CACHE_TTL_MS: String(ANSWER_TTL_MS) },
        nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir, b.label)}`] : [],
      });
      const sql = new pg.Client({ connectionString: stack.dbUrl });
      await sql.connect();
      servers.push({
        label: b.label,
        stack,
        sql,
        samples: [],
        seconds: 0,
        errors: 0,
        hits: 0,
        cpu: 0,
        tx: 0,
      });
      console.log(`${b.label}: ${b.dir}`);
    }
    for (const t of TARGETS) {
      for (const s of servers) {
        Object.assign(s, { samples: [], seconds: 0, errors: 0, hits: 0, cpu: 0, tx: 0 });
        // warm: the first answers fill the cache (and the JIT); then the load must cost SageMaker nothing
        await load(s.stack.server.url, t.path, s.stack.cookie, 3, CLIENTS, t.headers);
      }
      const callsBefore = await upstreamCalls(emu.endpoint);
      for (let round = 0; round < ROUNDS; round++) {
        for (const s of servers) {
          const pid = s.stack.server.proc.pid ?? 0;
          const tx0 = await dbTransactions(s.sql);
          const cpu0 = cpuSeconds(pid);
          const r = await load(s.stack.server.url, t.path, s.stack.cookie, SECONDS, CLIENTS, t.headers);
          s.cpu += cpuSeconds(pid) - cpu0;
          // minus the bench's own two statistics reads
          s.tx += (await dbTransactions(s.sql)) - tx0 - 2;
          s.samples.push(...r.samples);
          s.seconds += r.seconds;
          s.errors += r.errors;
          s.hits += r.hits;
        }
      }
      const calls = (await upstreamCalls(emu.endpoint)) - callsBefore;
      console.log(
        `\n${t.label} (${CLIENTS} clients, ${ROUNDS} × ${SECONDS} s per server, ${calls} SageMaker calls while measuring)`,
      );
      for (const s of servers) {
        const n = s.samples.length + s.errors;
        const sorted = [...s.samples].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
        const rps = s.samples.length / s.seconds;
        const serviceMs = (s.cpu * 1000) / Math.max(1, n);
        console.log(
          `  ${s.label.padEnd(6)}: ${rps.toFixed(0)} req/s   p50 ${fmt(at(0.5))}   p95 ${fmt(at(0.95))}   ` +
            `server CPU ${fmt(serviceMs)}/request (one core: ${(1000 / serviceMs).toFixed(0)} req/s)   ` +
            `${(s.tx / Math.max(1, n)).toFixed(2)} database transactions/request   ${s.errors} errors   ` +
            `${s.hits} of ${n} answers from the answer cache`,
        );
        const name = (f: string) => `${t.label} ${f}${s.label === "now" ? "" : ` (${s.label})`}`;
        const goals = t.goal && s.label === "now";
        figure({
          bench: BENCH,
          name: name(`req/s at ${CLIENTS} clients`),
          value: rps,
          unit: "req/s",
          ...(goals ? { goal: { min: 1000 } } : {}),
        });
        figure({
          bench: BENCH,
          name: name("p95"),
          value: at(0.95),
          unit: "ms",
          ...(goals ? { goal: { max: 100 } } : {}),
        });
        figure({
          bench: BENCH,
          name: name("server CPU per request"),
          value: serviceMs,
          unit: "ms",
          ...(goals ? { goal: { max: 1 } } : {}),
        });
        figure({
          bench: BENCH,
          name: name("database transactions per request"),
          value: s.tx / Math.max(1, n),
          unit: "",
        });
        figure({
          bench: BENCH,
          name: name("answered from the answer cache"),
          value: (100 * s.hits) / Math.max(1, n),
          unit: "%",
        });
      }
      console.log("  goal:   ≥ 1000 req/s on one core (server CPU ≤ 1 ms/request), p95 ≤ 100 ms");
      console.log(
        t.headers
          ? "  note:   Cache-Control: no-cache: every answer made by Next and the route wrapper (the miss path)"
          : !t.goal
            ? "  note:   not on the answer cache's allow-list: every answer made by Next and the route wrapper"
            : `  note:   repeated answers come from serve.js's answer cache (ANSWER_CACHE_TTL_MS=${ANSWER_TTL_MS}): ` +
              "one request per caller and URL goes through Next each TTL and after every change; all 64 clients " +
              "are one signed-in user here (the cache's best case: each further user costs one miss per TTL)",
      );
      if (calls !== 0) console.log(`  NOTE: ${calls} SageMaker calls during the warm load (expected 0)`);
    }
  } finally {
    for (const s of servers) {
      await s.sql.end();
      await s.stack.stop();
    }
    await emu.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
