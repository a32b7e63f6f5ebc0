/** Small helpers shared by benchmarks: spawn the emulator, call it over raw JSON 1.1, time things. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

export interface RunningEmulator {
  endpoint: string;
  child: ChildProcess;
  startupMs: number;
  stop(): Promise<void>;
  rssMb(): number | undefined;
}

export async function spawnEmulator(env: Record<string, string>): Promise<RunningEmulator> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-bench-"));
  const started = performance.now();
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["emulator/main.ts"], {
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      EMULATOR_DATA_DIR: dataDir,
      EMULATOR_QUIET: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start:\n${out}`)), 300_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes("emulator listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`emulator exited (${code}):\n${out}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    child,
    startupMs: performance.now() - started,
    rssMb: () => {
      try {
        // tsx runs the emulator in a child node process: sum the tree's resident memory
        const pids = [child.pid, ...childPids(child.pid)];
        let kb = 0;
        for (const pid of pids) {
          const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
          kb += Number(m?.[1] ?? 0);
        }
        return Math.round(kb / 1024);
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function childPids(pid: number | undefined): number[] {
  if (!pid) return [];
  try {
    const kids = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return kids.flatMap((k) => [k, ...childPids(k)]);
  } catch {
    return [];
  }
}

/** One SageMaker call over raw AWS JSON 1.1 (benchmarks stay outside lib/sagemaker and emulator/). */
export async function call<T = Record<string, unknown>>(
  endpoint: string,
  operation: string,
  input: object,
): Promise<T> {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `SageMaker.${operation}`,
      authorization: "AWS4-HMAC-SHA256 Credential=bench/20261122/us-east-1/sagemaker/aws4_request",
    },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as T & { __type?: string; message?: string };
  if (res.status !== 200) throw new Error(`${operation}: ${body.__type}: ${body.message}`);
  return body;
}

export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

/** Times `fn` after a warm-up; sequential, bounded in count. */
export async function time(fn: () => Promise<unknown>, n = 30, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), n };
}

export const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
