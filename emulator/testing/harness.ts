/**
 * Test harness: runs the real emulator as a child process (as the dashboard sees it: over HTTP),
 * on a free loopback port and a fresh temporary data directory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface EmulatorHandle {
  endpoint: string;
  port: number;
  dataDir: string;
  /** everything the process printed so far */
  output(): string;
  client(opts?: { maxAttempts?: number }): SageMakerClient;
  control<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
  /** SIGKILL, no chance to flush or unlock */
  kill9(): Promise<void>;
  /** stop (gracefully unless `hard`) and start again on the same data dir and port */
  restart(hard?: boolean): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}

function launch(port: number, dataDir: string, env: Record<string, string>, timeoutMs: number) {
  const child = spawn(TSX, ["emulator/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      EMULATOR_DATA_DIR: dataDir,
      EMULATOR_SPEED: "100",
      EMULATOR_QUIET: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`emulator did not start in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes("emulator listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with code ${code}:\n${out}`));
    });
  });
  return { child, ready, output: () => out };
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startEmulator(opts: StartOptions = {}): Promise<EmulatorHandle> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-emu-"));
  const env = opts.env ?? {};
  const timeoutMs = opts.timeoutMs ?? 120_000;
  let proc = launch(port, dataDir, env, timeoutMs);
  await proc.ready;
  const endpoint = `http://127.0.0.1:${port}`;
  const handle: EmulatorHandle = {
    endpoint,
    port,
    dataDir,
    output: () => proc.output(),
    client: (o = {}) =>
      new SageMakerClient({
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: o.maxAttempts ?? 1,
      }),
    control: async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${endpoint}/_emulator/${route}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as T;
    },
    stop: async () => {
      proc.child.kill("SIGTERM");
      await waitExit(proc.child);
    },
    kill9: async () => {
      proc.child.kill("SIGKILL");
      await waitExit(proc.child);
    },
    restart: async (hard = false) => {
      proc.child.kill(hard ? "SIGKILL" : "SIGTERM");
      await waitExit(proc.child);
      proc = launch(port, dataDir, env, timeoutMs);
      await proc.ready;
    },
  };
  return handle;
}
