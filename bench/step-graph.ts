/**
 * Step graph figures for bench/pipelines.ts (issue 18): layout time of a 1,000-step tree and of a layered DAG
 * (10 layers × 100 steps, 1,800 edges) before (dagre, the old layout) and after (lib/pipelines/layout), and the
 * graph view of a 1,000-step execution in chromium: longest task, a refresh, click latency, DOM size.
 * BENCH_GRAPH_BEFORE=0 skips the slow "before" runs (dagre on the layered DAG takes ~50 s per run).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { layoutOf, stepLayout, stepStructure } from "@/lib/pipelines/layout/step-layout";
import { layeredDag, tree } from "@/lib/pipelines/layout/shapes";
import { fmt, time } from "./lib";
import { figure } from "./report";
import { dagreLayout } from "./step-graph-dagre";
import { type GraphPageFigures, measureGraphPage } from "./step-graph-browser";

/** The commit whose step graph is "before" (the last one with the dagre layout on the main thread). */
const BEFORE_COMMIT = "d0a2927";
const ROOT = path.resolve(__dirname, "..");
const withBefore = process.env.BENCH_GRAPH_BEFORE !== "0";

function beforeFiles(): Record<string, string> {
  const dir = path.join(ROOT, "bench/out/step-graph/before");
  fs.mkdirSync(dir, { recursive: true });
  const show = (p: string, to: string) => {
    fs.writeFileSync(
      path.join(dir, to),
      execFileSync("git", ["show", `${BEFORE_COMMIT}:${p}`], { cwd: ROOT }),
    );
    return path.join(dir, to);
  };
  return {
    "@/components/pipelines/step-graph": show("components/pipelines/step-graph.tsx", "step-graph.tsx"),
    "@/lib/pipelines/graph": show("lib/pipelines/graph.ts", "graph.ts"),
    "./status-badge": path.join(ROOT, "components/pipelines/status-badge.tsx"),
  };
}

const max = (xs: number[]) => Math.max(0, ...xs);

export async function benchStepGraph(): Promise<void> {
  console.log(
    "\n3. step graph layout, before (dagre) vs after (layered, lib/pipelines/layout); goal ≤ 50 ms of CPU",
  );
  const shapes = [
    { label: "1,000-step tree", def: tree(1_000) },
    { label: "layered DAG 10 × 100 (1,800 edges)", def: layeredDag(10, 100) },
  ];
  for (const s of shapes) {
    const after = await time(() => Promise.resolve(layoutOf(stepStructure(s.def, []))), 20, 3);
    // CPU time too: on a shared 2-core machine the wall clock mostly measures the other processes
    const c0 = process.cpuUsage();
    for (let i = 0; i < 20; i++) layoutOf(stepStructure(s.def, []));
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 20 / 1000;
    stepLayout(s.def, []);
    const cached = await time(() => Promise.resolve(stepLayout(s.def, [])), 20, 1);
    let before = NaN;
    if (withBefore) {
      const big = s.label.startsWith("layered");
      before = (await time(() => Promise.resolve(dagreLayout(s.def, [])), big ? 1 : 3, big ? 0 : 1)).p50;
    }
    console.log(
      `  ${s.label.padEnd(36)} before ${withBefore ? fmt(before) : "(skipped)"}, after p50 ${fmt(after.p50)} (p95 ${fmt(after.p95)}, CPU ${fmt(cpu)}), unchanged structure on refresh ${fmt(cached.p50)}`,
    );
    figure({
      bench: "pipelines",
      // CPU per layout: the work the layout costs; wall times are printed above (a loaded shared machine)
      name: `layout of a ${s.label}: CPU per run`,
      value: cpu,
      unit: "ms",
      goal: { max: 50 },
    });
  }

  console.log("\n4. graph view of a 1,000-step execution in chromium (layered DAG; 1440 px page)");
  const show = (label: string, f: GraphPageFigures) =>
    console.log(
      `  ${label.padEnd(7)} longest task ${fmt(f.longestTaskMs)} (render done at ${fmt(f.renderMs)}), refresh ${fmt(f.refreshLongestTaskMs)}, ` +
        `click → paint max ${fmt(max(f.clickMs))} (${f.clickMs.map((c) => c.toFixed(0)).join("/")} ms), ` +
        `${f.domNodes} DOM nodes${f.fitLongestTaskMs !== undefined ? `, fit to view ${fmt(f.fitLongestTaskMs)}` : ""}`,
    );
  if (withBefore) show("before", await measureGraphPage("before", beforeFiles()));
  const after = await measureGraphPage("after");
  show("after", after);
  console.log("  goal: no long task over 200 ms, a click answered within 100 ms");
  const worst = max([after.longestTaskMs, after.refreshLongestTaskMs, after.fitLongestTaskMs ?? 0]);
  figure({
    bench: "pipelines",
    name: "1,000-step graph view: longest task",
    value: worst,
    unit: "ms",
    goal: { max: 200 },
  });
  figure({
    bench: "pipelines",
    name: "1,000-step graph view: click latency",
    value: max(after.clickMs),
    unit: "ms",
    goal: { max: 100 },
  });
  figure({
    bench: "pipelines",
    name: "1,000-step graph view: DOM nodes",
    value: after.domNodes,
    unit: "nodes",
  });
}
