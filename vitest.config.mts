import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,emulator,app,components,tests}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // two files at a time on the 2-core CI machine (the default, cores − 1, ran the suite one file at a time);
    // each file gets its own SageDeck data dir, so no two files ever open the same PGlite directory
    maxWorkers: 2,
    setupFiles: ["tests/helpers/scratch-data-dir.ts"],
    // once per run: the emulator bundled and a migrated PGlite template (each file starts from a copy)
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
