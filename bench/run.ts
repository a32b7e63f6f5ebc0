/**
 * `npm run bench`: runs every benchmark under bench/ one after another (each starts its own emulator on a free
 * 127.0.0.1 port and stops it), then prints one table of the figures they reported, with the goal beside each.
 * `npm run bench -- maturity pipelines` runs only those. Not part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { round, verdict, type Figure } from "./report";

const ALL = [
  "emulator-scale",
  "experiments",
  "pipelines",
  "approvals-inbox",
  "maturity",
  "cache-invalidation",
  "step-logs",
  "replica-cache",
  "cold-calls",
  "warm-api",
  "first-load-js",
  "first-render",
];

function main(): number {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((w) => !ALL.includes(w));
  if (unknown.length > 0) {
    console.error(`bench: unknown benchmark(s) ${unknown.join(", ")}; choose from ${ALL.join(", ")}`);
    return 2;
  }
  const benches = wanted.length > 0 ? wanted : ALL;
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-bench-report-")), "figures.jsonl");
  const failed: string[] = [];
  for (const b of benches) {
    console.log(`\n=== bench/${b}.ts ===`);
    const started = Date.now();
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", `bench/${b}.ts`], {
      stdio: "inherit",
      env: { ...process.env, BENCH_REPORT: report },
      timeout: 15 * 60_000,
    });
    if (r.status !== 0) failed.push(b);
    console.log(
      `=== bench/${b}.ts: ${r.status === 0 ? "done" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const figures = fs.existsSync(report)
    ? fs
        .readFileSync(report, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Figure)
    : [];
  console.log("\n| benchmark | figure | value | goal | |\n|---|---|---|---|---|");
  for (const f of figures) {
    const goal =
      f.goal?.max !== undefined ? `≤ ${f.goal.max}` : f.goal?.min !== undefined ? `≥ ${f.goal.min}` : "";
    console.log(`| ${f.bench} | ${f.name} | ${round(f.value)} ${f.unit} | ${goal} | ${verdict(f)} |`);
  }
  if (failed.length > 0) console.log(`\nbench: failed: ${failed.join(", ")}`);
  return failed.length > 0 ? 1 : 0;
}

process.exit(main());
