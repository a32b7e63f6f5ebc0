import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const EMULATOR_ENTRY = path.resolve("emulator/main.ts");

/**
 * How to run the emulator: the bundle vitest's global setup built once for the run (global-setup.ts), else its
 * source through tsx (bench scripts, a single file run outside vitest's setup).
 */
export function emulatorCommand(): string[] {
  const bundle = process.env.SAGEDECK_TEST_EMULATOR_BUNDLE;
  return bundle && fs.existsSync(bundle)
    ? [bundle]
    : [path.resolve("node_modules/tsx/dist/cli.mjs"), EMULATOR_ENTRY];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningEmulator {
  url: string;
  /** answers that did not match the official SageMaker service model, since the emulator started */
  violations(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Starts the real emulator over HTTP (never imported) on a free port with a throw-away data dir;
 * `env` adds to its environment (e.g. EMULATOR_SPEED).
 */
export async function startEmulator(opts: { env?: Record<string, string> } = {}): Promise<RunningEmulator> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-emu-"));
  const child: ChildProcess = spawn(process.execPath, emulatorCommand(), {
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      EMULATOR_DATA_DIR: dataDir,
      EMULATOR_QUIET: "1",
      // every answer the app's tests receive is checked against botocore's SageMaker model (see violations())
      EMULATOR_VALIDATE_MODEL: "auto",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("emulator listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    violations: async () => {
      const res = await fetch(`${url}/_emulator/violations`);
      const body = (await res.json()) as { violations?: { message: string; count: number }[] };
      return (body.violations ?? []).map((v) => `${v.message}${v.count > 1 ? ` (×${v.count})` : ""}`);
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
