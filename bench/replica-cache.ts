/**
 * Should the read cache be shared across replicas (issue 22)? Two standalone replicas (serve.js, `npm run build`
 * first) on one PostgreSQL and one emulator; a signed-in viewer loads the approvals inbox and the models page
 * cold on A, then cold on B, then again on A (warm). SageMaker calls are counted by the emulator
 * (`/_emulator/stats`). Per-replica caches: SageMaker sees A's cold reads + B's cold reads. A shared cache
 * (theoretical): B's load would find A's entries, so it would cost what A's warm reload costs. Also measured: a
 * Redis round trip (127.0.0.1:6379, a tiny RESP client here, no dependency) — what every shared-cache read
 * would add. BENCH_DATABASE_URL / TEST_DATABASE_URL pick the PostgreSQL server. Run: npm run bench -- replica-cache
 */
import net from "node:net";
import { createUser } from "@/lib/db/users";
import { openDb } from "@/lib/db/client";
import { standaloneBuilt, startCluster } from "@/tests/helpers/standalone";
import { signIn } from "@/tests/helpers/standalone-http";
import { figure } from "./report";

const PAGES = ["/approvals", "/models"];
/** SageMaker's list/search reads: throttled per account (the calls the question is about) */
const LIST_OR_SEARCH = /^(List|Search)/;

type Calls = Record<string, number>;
const sum = (c: Calls, only?: RegExp) =>
  Object.entries(c).reduce((n, [op, k]) => (only && !only.test(op) ? n : n + k), 0);

async function calls(emu: string): Promise<Calls> {
  return ((await (await fetch(`${emu}/_emulator/stats`)).json()) as { calls: Calls }).calls;
}

/** Loads the pages on `base` as the signed-in user; the SageMaker calls it caused. */
async function load(emu: string, base: string, cookie: string): Promise<Calls> {
  await fetch(`${emu}/_emulator/stats`, { method: "DELETE" });
  for (const page of PAGES) {
    const res = await fetch(`${base}${page}`, { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`${page} on ${base}: ${res.status}`);
  }
  return calls(emu);
}

/** p50 of `n` Redis PING round trips (RESP over one TCP connection); null when Redis does not answer. */
async function redisRoundTripMs(n = 200): Promise<number | null> {
  const socket = net.connect(6379, "127.0.0.1");
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
  } catch {
    return null;
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      socket.once("data", () => resolve());
      socket.write("*1\r\n$4\r\nPING\r\n");
    });
    times.push(performance.now() - t);
  }
  socket.destroy();
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)] ?? null;
}

async function main() {
  if (!standaloneBuilt()) throw new Error("no standalone build: run `npm run build` first");
  process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
  const c = await startCluster(2);
  try {
    const handle = await openDb({ kind: "postgres", url: c.db.url });
    await createUser(handle.db, {
      username: "vera",
      name: "Vera",
      password: "bench-password",
      role: "viewer",
    });
    await handle.close();
    const [A, B] = c.replicas.map((r) => r.url) as [string, string];
    const cookie = async (base: string) => (await signIn(base, "vera", "bench-password")).session ?? "";
    const coldA = await load(c.emu.url, A, await cookie(A));
    const coldB = await load(c.emu.url, B, await cookie(B));
    const warmA = await load(c.emu.url, A, await cookie(A));
    const perReplica = sum(coldA) + sum(coldB);
    const shared = sum(coldA) + sum(warmA);
    const perReplicaList = sum(coldA, LIST_OR_SEARCH) + sum(coldB, LIST_OR_SEARCH);
    const sharedList = sum(coldA, LIST_OR_SEARCH) + sum(warmA, LIST_OR_SEARCH);
    console.log(`  cold on A: ${JSON.stringify(coldA)}`);
    console.log(`  cold on B: ${JSON.stringify(coldB)}`);
    console.log(`  warm on A: ${JSON.stringify(warmA)}`);
    const bench = "replica-cache";
    figure({ bench, name: "SageMaker calls, one cold load (A)", value: sum(coldA), unit: "calls" });
    figure({ bench, name: "SageMaker calls, N=2 per-replica caches", value: perReplica, unit: "calls" });
    figure({ bench, name: "SageMaker calls, N=2 shared cache (theoretical)", value: shared, unit: "calls" });
    figure({
      bench,
      name: "List/Search calls, N=2 per-replica caches",
      value: perReplicaList,
      unit: "calls",
    });
    figure({ bench, name: "List/Search calls, N=2 shared (theoretical)", value: sharedList, unit: "calls" });
    figure({ bench, name: "per-replica / shared", value: perReplica / Math.max(1, shared), unit: "×" });
    const rtt = await redisRoundTripMs();
    if (rtt !== null)
      figure({ bench, name: "Redis round trip p50 (per shared read)", value: rtt, unit: "ms" });
    else console.log("  Redis at 127.0.0.1:6379 did not answer: no round-trip figure");
  } finally {
    await c.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
