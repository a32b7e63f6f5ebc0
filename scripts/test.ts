/**
 * `npm test`: eslint (zero warnings) → prettier --check → tsc --noEmit → build (next build + the standalone server,
 * which tests/standalone-server.test.ts starts; playwright's `npm start` then finds it up to date) → vitest run →
 * playwright test. Stops at the first failing
 * stage, always exits non-zero on a failure, and ends with one line: `N passed, N failed, N skipped`
 * (Vitest + Playwright test counts; a failed lint/typecheck stage, or a stage that crashed, counts as 1 failed).
 */
import fs from "node:fs";
import path from "node:path";
import { add, playwrightCounts, vitestCounts, zero, type Counts } from "./lib/test-counts";
import { run } from "./lib/processes";

const root = process.cwd();
const reports = path.join(root, ".data", "test-reports");
const bin = (p: string) => path.join(root, "node_modules", p);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

interface Stage {
  name: string;
  args: string[];
  counts?: () => Counts | null;
  report?: string;
}

const stages: Stage[] = [
  { name: "lint", args: [bin("eslint/bin/eslint.js"), ".", "--max-warnings", "0"] },
  {
    name: "format (prettier)",
    args: [bin("prettier/bin/prettier.cjs"), "--check", ".", "--log-level", "warn"],
  },
  { name: "typecheck", args: [bin("typescript/bin/tsc"), "--noEmit"] },
  { name: "build", args: [bin("next/dist/bin/next"), "build"] },
  { name: "standalone server", args: [bin("tsx/dist/cli.mjs"), path.join("scripts", "standalone.ts")] },
  {
    name: "unit + integration (vitest)",
    report: path.join(reports, "vitest.json"),
    args: [
      bin("vitest/vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(reports, "vitest.json")}`,
    ],
    counts: () => vitestCounts(path.join(reports, "vitest.json")),
  },
  {
    name: "e2e (playwright)",
    report: path.join(reports, "playwright.json"),
    args: [bin("@playwright/test/cli.js"), "test"],
    counts: () => playwrightCounts(path.join(reports, "playwright.json")),
  },
];

async function main() {
  fs.mkdirSync(reports, { recursive: true });
  let total = zero();
  let failedStage: string | null = null;
  for (const stage of stages) {
    if (stage.report) fs.rmSync(stage.report, { force: true });
    console.log(`\n=== ${stage.name} ===`);
    const started = Date.now();
    const code = await run(process.execPath, stage.args, env);
    const counts = stage.counts?.() ?? null;
    if (counts) total = add(total, counts);
    console.log(
      `=== ${stage.name}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (code !== 0) {
      // a stage without test counts (lint, tsc, a crash before any report) still has to show up as a failure
      if (!counts || counts.failed === 0) total.failed += 1;
      failedStage = stage.name;
      break;
    }
  }
  if (failedStage) console.log(`\nnpm test: stopped at "${failedStage}".`);
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : "";
  console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
  process.exit(failedStage ? 1 : 0);
}

void main();
