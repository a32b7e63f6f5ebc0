/**
 * One emulator per test file: `const emu = emulatorFixture();` registers the beforeAll/afterAll hooks that start
 * the real emulator (harness.ts) and stop it, and returns accessors to use inside tests and later hooks.
 * Kept apart from harness.ts so that harness.ts stays free of vitest.
 */
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type EmulatorHandle, type StartOptions } from "./harness";
import { describeViolations } from "./model/env";

export interface FixtureOptions extends StartOptions {
  /** runs once the emulator is up, in the same hook: creates what the file's tests share */
  setup?: (client: SageMakerClient) => Promise<unknown>;
}

export interface EmulatorFixture {
  /** the running emulator (endpoint, control API, output, …) */
  handle(): EmulatorHandle;
  /** one SDK client for it, the same until restart() */
  client(): SageMakerClient;
  /** stops the emulator (kill -9 when `hard`) and starts it again on the same data; client() is then new */
  restart(hard?: boolean): Promise<void>;
}

/** Starts the emulator (and runs `setup`) before the file's tests, stops it after them; the rest as for startEmulator. */
export function emulatorFixture({ setup, ...opts }: FixtureOptions = {}): EmulatorFixture {
  let h: EmulatorHandle | undefined;
  let c: SageMakerClient | undefined;
  const handle = (): EmulatorHandle => {
    if (!h) throw new Error("the emulator is not running: use it inside tests or hooks");
    return h;
  };
  beforeAll(
    async () => {
      h = await startEmulator(opts);
      c = h.client();
      await setup?.(c);
    },
    (opts.timeoutMs ?? 120_000) + 10_000,
  );
  // every answer this file's tests received was checked against the service model: fail the file if one is off
  afterAll(async () => {
    if (!h) return;
    const check = await h.modelCheck();
    await h.stop();
    const failure = describeViolations(check);
    if (failure) throw new Error(failure);
  });
  return {
    handle,
    client: () => (c ??= handle().client()),
    restart: async (hard = false) => {
      await handle().restart(hard);
      c = handle().client();
    },
  };
}
