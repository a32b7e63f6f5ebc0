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
import { modelCheckEnv, type ModelCheck } from "./model/env";

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
  /** every answer checked against the service model since start (across restarts), and what did not conform */
  modelCheck(): Promise<ModelCheck>;
}

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}

function launch(port: number, dataDir: string, env: Record<string, string>, timeoutMs: number) {
  // vitest's global setup bundles the emulator once per run (tests/helpers/global-setup.ts); else tsx compiles it
  const bundle = process.env.SAGEDECK_TEST_EMULATOR_BUNDLE;
  const [cmd, args] =
    bundle && fs.existsSync(bundle) ? [process.execPath, [bundle]] : [TSX, ["emulator/main.ts"]];
  const child = spawn(cmd, args, {
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
    // own process group: tsx runs the emulator in a child process, and kill -9 must reach it too
    detached: true,
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

/** SIGKILL the whole process group (tsx and the node process it spawned), not just tsx. */
function killHard(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
    else child.kill("SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

/** Waits until the process named in the data dir's LOCK is gone (a killed process may linger briefly). */
async function waitLockReleased(dataDir: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    let pid = 0;
    try {
      pid = Number(fs.readFileSync(path.join(dataDir, "LOCK"), "utf8").trim());
    } catch {
      return;
    }
    try {
      if (!pid) return;
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function mergeChecks(parts: ModelCheck[]): ModelCheck {
  const out: ModelCheck = { enabled: parts.every((p) => p.enabled), checked: {}, violations: [] };
  out.reason = parts.find((p) => p.reason)?.reason;
  const seen = new Map<string, number>();
  for (const p of parts) {
    for (const [op, c] of Object.entries(p.checked)) {
      const t = (out.checked[op] ??= { ok: 0, error: 0 });
      t.ok += c.ok;
      t.error += c.error;
    }
    for (const v of p.violations) seen.set(v.message, (seen.get(v.message) ?? 0) + v.count);
  }
  out.violations = [...seen].map(([message, count]) => ({ message, count }));
  return out;
}

export async function startEmulator(opts: StartOptions = {}): Promise<EmulatorHandle> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-emu-"));
  const env = opts.env ?? {};
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const checkEnv = modelCheckEnv();
  let proc = launch(port, dataDir, { ...checkEnv.env, ...env }, timeoutMs);
  await proc.ready;
  const endpoint = `http://127.0.0.1:${port}`;
  const earlier: ModelCheck[] = [];
  const fetchCheck = async (): Promise<ModelCheck> => {
    if (!checkEnv.enabled) return { enabled: false, reason: checkEnv.reason, checked: {}, violations: [] };
    const res = await fetch(`${endpoint}/_emulator/violations`);
    return (await res.json()) as ModelCheck;
  };
  const collect = async () => {
    if (proc.child.exitCode === null && proc.child.signalCode === null)
      earlier.push(await fetchCheck().catch(() => ({ enabled: true, checked: {}, violations: [] })));
  };
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
      await collect();
      proc.child.kill("SIGTERM");
      await waitExit(proc.child);
    },
    kill9: async () => {
      await collect();
      killHard(proc.child);
      await waitExit(proc.child);
      await waitLockReleased(dataDir);
    },
    restart: async (hard = false) => {
      await collect();
      if (hard) killHard(proc.child);
      else proc.child.kill("SIGTERM");
      await waitExit(proc.child);
      await waitLockReleased(dataDir);
      proc = launch(port, dataDir, { ...checkEnv.env, ...env }, timeoutMs);
      await proc.ready;
    },
    modelCheck: async () => mergeChecks([...earlier.splice(0), await fetchCheck()].filter(Boolean)),
  };
  return handle;
}
