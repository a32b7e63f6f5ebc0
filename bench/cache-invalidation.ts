/**
 * Cross-replica consistency (issue 17 item 2): the time from a write acknowledged on replica A to a read on
 * replica B that returns the written state. A is this process's SageDeck read cache and write path (sagemakerWrite
 * publishes over PostgreSQL NOTIFY); B is an independent ReadCache with its own listening connection, as a second
 * replica has. Both on one PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) and
 * one emulator. B's TTL is 60 s: without invalidation B would answer the old state for up to its TTL.
 * Run: npm run bench -- cache-invalidation
 */
import { startEmulator } from "@/tests/helpers/emulator";
import { figure } from "./report";

const ROUNDS = 50;

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main() {
  const emu = await startEmulator({ env: { EMULATOR_VALIDATE_MODEL: "" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const { ReadCache } = await import("@/lib/sagemaker/cache");
  const { getInvalidationBus } = await import("@/lib/sagemaker/call");
  const { PgInvalidationBus } = await import("@/lib/sagemaker/invalidation");
  const { describeModelVersion, listAllGroupVersions, listModelGroups } =
    await import("@/lib/sagemaker/registry/reads");
  const { setLifecycle } = await import("@/lib/sagemaker/registry/writes");

  let received = 0;
  const cacheB = new ReadCache();
  const busB = new PgInvalidationBus(process.env.DATABASE_URL, cacheB, {
    onReceive: () => (received = performance.now()),
  }).start();
  try {
    await busB.listening();
    await getInvalidationBus()?.listening();
    const [group] = await listModelGroups();
    const arn = (await listAllGroupVersions(group?.name ?? ""))[0]?.arn ?? "";
    const readOnB = () => cacheB.get(`models:version:${arn}`, 60_000, () => describeModelVersion(arn, true));

    const consistent: number[] = [];
    const notified: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await readOnB(); // B holds the current state in its cache
      const description = `bench write ${i} ${Date.now()}`;
      await setLifecycle({ arn, stage: "Development", stageStatus: "Testing", description });
      const acked = performance.now();
      for (;;) {
        if ((await readOnB()).stageDescription === description) break;
        if (performance.now() - acked > 10_000) throw new Error(`round ${i}: B never saw the write`);
        await new Promise((r) => setImmediate(r));
      }
      consistent.push(performance.now() - acked);
      notified.push(received - acked);
    }
    consistent.sort((a, b) => a - b);
    notified.sort((a, b) => a - b);
    console.log(
      `${ROUNDS} writes on A: notification on B p50 ${at(notified, 0.5).toFixed(1)} ms after A's write returned (A awaits its NOTIFY, so B often has it first: ≤ 0); consistent read on B p50 ${at(consistent, 0.5).toFixed(1)} ms, p95 ${at(consistent, 0.95).toFixed(1)} ms, max ${Math.max(...consistent).toFixed(1)} ms (without invalidation: up to the cache TTL, 15 000 ms by default)`,
    );
    const name = "write on A → consistent read on B";
    figure({ bench: "cache-invalidation", name: `${name} p50`, value: at(consistent, 0.5), unit: "ms" });
    figure({ bench: "cache-invalidation", name: `${name} p95`, value: at(consistent, 0.95), unit: "ms" });
    figure({
      bench: "cache-invalidation",
      name: `${name} max`,
      value: Math.max(...consistent),
      unit: "ms",
      goal: { max: 1_000 },
    });
  } finally {
    await busB.close();
    await getInvalidationBus()?.close();
    await emu.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
