/**
 * Experiments at EMULATOR_SCALE=large: server time for the first runs page of the 10,000-run experiment vs the
 * 100-run one (default sort, a metric sort, and a metric filter), upstream calls per page (/_emulator/stats),
 * and a 200-run compare fetch. Calls the same lib functions the API routes call, with the read cache off.
 *
 *   npx tsx bench/experiments.ts
 */
import { call, fmt, spawnEmulator, time, type Timing } from "./lib";
import { figure } from "./report";

const LARGE = "bench-10k-runs";
const SMALL = "bench-100-runs";

async function stats(endpoint: string): Promise<Record<string, number>> {
  const r = await fetch(`${endpoint}/_emulator/stats`);
  return ((await r.json()) as { calls: Record<string, number> }).calls;
}
async function resetStats(endpoint: string) {
  await fetch(`${endpoint}/_emulator/stats`, { method: "DELETE" });
}

async function main() {
  const emu = await spawnEmulator({ EMULATOR_SCALE: "large" });
  console.log(`emulator (large) up in ${fmt(emu.startupMs)}`);
  process.env.SAGEMAKER_ENDPOINT = emu.endpoint;
  process.env.SAGEMAKER_CACHE_TTL_MS = "0";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { searchRuns, getRunsForCompare, listExperiments } =
    await import("@/lib/sagemaker/experiments/reads");
  try {
    const probe = await searchRuns(SMALL, { size: 1 });
    const metric = probe.metricNames[0] ?? "validation:auc";
    type Query = Parameters<typeof searchRuns>[1];
    // a unique (cold) query: a no-op name clause no run matches, new on every call, so neither the emulator's
    // answer cache nor the app's serves it — what a user's own new filter costs
    let nonce = 0;
    const unique = (q: Query): Query => ({
      ...q,
      filter: [q.filter, `name != cold-${++nonce}`].filter(Boolean).join(" and "),
    });
    const cases: { what: string; q: Query; cold?: boolean }[] = [
      { what: "first page, 50 rows, newest first", q: { size: 50 } },
      { what: "first page, 100 rows, newest first", q: { size: 100 } },
      {
        what: `first page, 50 rows, sort by ${metric} (max)`,
        q: { size: 50, sort: `m:${metric}:max`, dir: "desc" },
      },
      {
        what: `first page, 50 rows, filter ${metric} > 0.5 and status = Completed`,
        q: { size: 50, filter: `${metric} > 0.5 and status = Completed` },
      },
      { what: "first page, 50 rows, newest first, unique (cold) query", q: { size: 50 }, cold: true },
      {
        what: `first page, 50 rows, filter ${metric} > 0.5 and status = Completed, unique (cold) query`,
        q: { size: 50, filter: `${metric} > 0.5 and status = Completed` },
        cold: true,
      },
    ];
    console.log("\nserver time for one runs page (p50 / p95 over 20 runs)");
    for (const c of cases) {
      const q = () => (c.cold ? unique(c.q) : c.q);
      const small: Timing = await time(() => searchRuns(SMALL, q()), 20, 2);
      const large: Timing = await time(() => searchRuns(LARGE, q()), 20, 2);
      const ratio = large.p50 / small.p50;
      // the same Search sent raw: what the emulator itself takes, so the app's own share is visible
      const { runsExpression } = await import("@/lib/sagemaker/experiments/reads");
      const { sortPath } = await import("@/lib/experiments/columns");
      const raw = (exp: string) =>
        call(emu.endpoint, "Search", {
          Resource: "ExperimentTrialComponent",
          SearchExpression: runsExpression(exp, q().filter),
          SortBy: sortPath(c.q.sort ?? "start"),
          SortOrder: c.q.dir === "asc" ? "Ascending" : "Descending",
          MaxResults: c.q.size,
        });
      const rawSmall = await time(() => raw(SMALL), 20, 2);
      const rawLarge = await time(() => raw(LARGE), 20, 2);
      const own = (large.p50 - rawLarge.p50) / Math.max(0.1, small.p50 - rawSmall.p50);
      figure({
        bench: "experiments",
        name: `${c.what}: 10,000 / 100 runs p50`,
        value: ratio,
        unit: "×",
        goal: { max: 1.5 },
      });
      console.log(
        `  ${c.what}\n    100 runs: ${fmt(small.p50)} / ${fmt(small.p95)}   10,000 runs: ${fmt(large.p50)} / ${fmt(large.p95)}   ratio p50 ${ratio.toFixed(2)}× ${ratio <= 1.5 ? "(within 1.5×)" : "(OVER 1.5×)"}\n    upstream Search alone p50: ${fmt(rawSmall.p50)} vs ${fmt(rawLarge.p50)}; app's own time ${fmt(small.p50 - rawSmall.p50)} vs ${fmt(large.p50 - rawLarge.p50)} (${own.toFixed(2)}×)`,
      );
    }
    console.log("\nupstream calls");
    for (const size of [50, 100]) {
      await resetStats(emu.endpoint);
      const page = await searchRuns(LARGE, { size, sort: `m:${metric}:last` });
      const calls = await stats(emu.endpoint);
      const total = Object.values(calls).reduce((a, b) => a + b, 0);
      console.log(
        `  runs page of ${page.items.length} rows (of ${page.total}): ${JSON.stringify(calls)} → ${total} call(s); budget ${Math.ceil(page.items.length / 100)} (one Search per 100 rows shown)`,
      );
    }
    await resetStats(emu.endpoint);
    const list = await listExperiments({ size: 25 });
    const listCalls = await stats(emu.endpoint);
    console.log(
      `  experiments page of ${list.items.length}: ${JSON.stringify(listCalls)} (1 + one TotalHits probe per row)`,
    );

    const names = (await searchRuns(LARGE, { size: 100 })).items.map((r) => r.name);
    const more = (await searchRuns(LARGE, { size: 100, dir: "asc" })).items.map((r) => r.name);
    const two100 = [...new Set([...names, ...more])].slice(0, 200);
    await resetStats(emu.endpoint);
    const cmp = await getRunsForCompare(LARGE, two100);
    const cmpCalls = await stats(emu.endpoint);
    const t = await time(() => getRunsForCompare(LARGE, two100), 10, 1);
    figure({ bench: "experiments", name: "200-run compare: p95", value: t.p95, unit: "ms" });
    console.log(
      `\n200-run compare: ${cmp.length} runs in ${fmt(t.p50)} p50 / ${fmt(t.p95)} p95, upstream ${JSON.stringify(cmpCalls)}`,
    );
  } finally {
    await emu.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
