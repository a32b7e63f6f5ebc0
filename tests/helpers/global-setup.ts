/**
 * Vitest globalSetup: work every test file would otherwise repeat, done once per run.
 * - The emulator bundled with esbuild (as `scripts/serve.ts` is for the standalone build): test files start
 *   `node <bundle>` instead of compiling emulator/ through tsx at every start (tests/helpers/emulator.ts,
 *   emulator/testing/harness.ts read SAGEDECK_TEST_EMULATOR_BUNDLE). Same source, same esbuild transform.
 * - A migrated PGlite directory: scratch-data-dir.ts copies it into each file's own data dir, so a file opens a
 *   database with every migration applied instead of running them all (~2–3 s a file); the migrator still runs
 *   at open and finds nothing to apply, so a new migration is never skipped.
 * Both live in a temporary folder removed at the end of the run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { openDb } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";

export default async function setup(): Promise<() => void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-vitest-"));
  // inside the project, so the bundle's external packages resolve from its node_modules
  const bundleDir = fs.mkdtempSync(path.join(process.cwd(), "node_modules", ".cache-sagedeck-emulator-"));
  const bundle = path.join(bundleDir, "emulator.mjs");
  await build({
    entryPoints: [path.resolve("emulator/main.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: bundle,
    logLevel: "warning",
  });
  process.env.SAGEDECK_TEST_EMULATOR_BUNDLE = bundle;

  const template = path.join(root, "pglite");
  const handle = await openDb({ kind: "pglite", dir: template });
  try {
    await migrateDb(handle);
  } finally {
    await handle.close();
  }
  process.env.SAGEDECK_TEST_PGLITE_TEMPLATE = template;

  return () => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(bundleDir, { recursive: true, force: true });
  };
}
