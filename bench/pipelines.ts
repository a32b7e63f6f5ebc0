/**
 * Pipelines benchmark (run: npx tsx bench/pipelines.ts):
 *  1. upstream SageMaker calls per execution-page refresh with N concurrent watchers (read cache coalescing);
 *  2. first executions page of the 10,000-execution pipeline vs a small one (cold cache, one Search call);
 *  3./4. the step graph: layout of a 1,000-step tree and a 10 × 100 layered DAG, before (dagre) and after, and
 *     the graph view of a 1,000-step execution in chromium (bench/step-graph.ts).
 * Counts come from the emulator's /_emulator/stats; everything goes through lib/sagemaker like the app.
 */
import { fmt, spawnEmulator, time } from "./lib";
import { figure } from "./report";
import { benchStepGraph } from "./step-graph";

async function main() {
  const emu = await spawnEmulator({ EMULATOR_SCALE: "large", EMULATOR_SPEED: "20" });
  process.env.SAGEMAKER_ENDPOINT = emu.endpoint;
  const { getReadCache } = await import("@/lib/sagemaker/call");
  const { describeExecutionDetail, LIVE_TTL_MS } = await import("@/lib/sagemaker/pipelines/executions");
  const { describePipeline, searchExecutions } = await import("@/lib/sagemaker/pipelines/reads");
  const stats = async () =>
    ((await (await fetch(`${emu.endpoint}/_emulator/stats`)).json()) as { total: number }).total;
  try {
    console.log(`emulator (large seed) ready in ${(emu.startupMs / 1000).toFixed(1)} s`);
    const small = await describePipeline("churn-train");
    const large = await describePipeline("bench-10k-executions");
    const latest = (await searchExecutions({ pipelineArn: small.arn, pageSize: 1 })).items[0];
    if (!latest) throw new Error("no execution to watch");

    console.log("\n1. upstream calls per execution-page refresh (describe + steps + parameters)");
    for (const watchers of [1, 10, 100, 500]) {
      getReadCache().clear();
      const before = await stats();
      await Promise.all(Array.from({ length: watchers }, () => describeExecutionDetail(latest.arn)));
      const cold = (await stats()) - before;
      await new Promise((r) => setTimeout(r, LIVE_TTL_MS + 50));
      const b2 = await stats();
      await Promise.all(Array.from({ length: watchers }, () => describeExecutionDetail(latest.arn)));
      const warm = (await stats()) - b2;
      if (watchers === 100)
        figure({ bench: "pipelines", name: "100 watchers: calls per refresh", value: warm, unit: "calls" });
      console.log(
        `  ${String(watchers).padStart(3)} watchers: first load ${cold} calls, next refresh ${warm} calls (per ${LIVE_TTL_MS} ms window)`,
      );
    }

    console.log("\n2. first executions page (25 rows, cold cache each time)");
    for (const p of [small, large]) {
      let calls = 0;
      const t = await time(async () => {
        getReadCache().clear();
        const b = await stats();
        await searchExecutions({ pipelineArn: p.arn, pageSize: 25 });
        calls = (await stats()) - b;
      }, 20);
      const total = p.name === large.name ? "10,000" : "~70";
      figure({
        bench: "pipelines",
        name: `first executions page, ${total} executions: p95`,
        value: t.p95,
        unit: "ms",
      });
      console.log(
        `  ${p.name.padEnd(22)} (${total} executions): p50 ${fmt(t.p50)}, p95 ${fmt(t.p95)}, ${calls} upstream call(s)`,
      );
    }
    const deep = await searchExecutions({ pipelineArn: large.arn, pageSize: 25 });
    const cursor = deep.items[deep.items.length - 1]?.startedAt;
    const t = await time(async () => {
      getReadCache().clear();
      await searchExecutions({ pipelineArn: large.arn, pageSize: 25, before: cursor });
    }, 20);
    console.log(`  bench-10k-executions, second page (keyset cursor): p50 ${fmt(t.p50)}, p95 ${fmt(t.p95)}`);

    await benchStepGraph();
  } finally {
    await emu.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
