import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Every test file runs with this first (vitest.config.mts setupFiles): SageDeck's data dir (PGlite, session
// secret) is a throwaway directory of the file's own, never the working tree's .data/ and never another
// file's — files run in parallel, and PGlite must not be opened by two processes. A file that sets
// SAGEDECK_DATA_DIR itself keeps its own. The directory starts with a copy of the run's migrated PGlite
// template (global-setup.ts) when there is one: opening it applies only migrations newer than the template.
if (!process.env.SAGEDECK_DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-routes-"));
  const template = process.env.SAGEDECK_TEST_PGLITE_TEMPLATE;
  if (template && fs.existsSync(template)) fs.cpSync(template, path.join(dir, "pglite"), { recursive: true });
  process.env.SAGEDECK_DATA_DIR = dir;
}
