import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,emulator,app,components,tests}/**/*.test.{ts,tsx}"],
    environment: "node",
    // generous: a file's first test pays for importing the routes (next-auth, drizzle, the AWS SDK), which took
    // 8 s on a quiet 2-core machine and 15 s with the e2e suite running beside it; a slower CI machine must not
    // turn that into a failure. Tests that measure time bound it themselves.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // two files at a time on the 2-core CI machine (the default, cores − 1, ran the suite one file at a time);
    // each file gets its own SageDeck data dir, so no two files ever open the same PGlite directory
    maxWorkers: 2,
    setupFiles: ["tests/helpers/scratch-data-dir.ts"],
    // once per run: the emulator bundled and a migrated PGlite template (each file starts from a copy)
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
