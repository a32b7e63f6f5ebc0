/**
 * One emulator per test file (or describe block) for tests of the app: `const emu = emulatorFixture();`
 * registers beforeAll/afterAll hooks that start the real emulator (emulator.ts), point SageDeck at it
 * (SAGEMAKER_ENDPOINT) and stop it afterwards. Kept apart from emulator.ts, which bench scripts import
 * outside vitest.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator } from "./emulator";

export interface AppEmulatorOptions {
  /** EMULATOR_SPEED for the emulator process: its clock (rollouts, runs) goes this many times faster */
  speed?: number;
  /** a throw-away SAGEDECK_DATA_DIR for SageDeck's own PGlite database: a temporary folder with this prefix */
  dataDir?: string;
  /** SAGEMAKER_CACHE_TTL_MS=0: every read goes to the emulator */
  noCache?: boolean;
}

export interface AppEmulator {
  /** the running emulator's base URL (the control API is under /_emulator/) */
  url(): string;
}

export function emulatorFixture(opts: AppEmulatorOptions = {}): AppEmulator {
  let emu: RunningEmulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ env: opts.speed ? { EMULATOR_SPEED: String(opts.speed) } : {} });
    process.env.SAGEMAKER_ENDPOINT = emu.url;
    if (opts.noCache) process.env.SAGEMAKER_CACHE_TTL_MS = "0";
    if (opts.dataDir) process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), opts.dataDir));
  }, 120_000);
  afterAll(async () => {
    const violations = (await emu?.violations()) ?? [];
    await emu?.stop();
    if (violations.length > 0)
      throw new Error(
        `${violations.length} emulator answer(s) did not match the SageMaker service model:\n  ${violations.join("\n  ")}`,
      );
  });
  return {
    url: () => {
      if (!emu) throw new Error("the emulator is not running: use it inside tests or hooks");
      return emu.url;
    },
  };
}
