/** Starts the built standalone server (`node .next/standalone/serve.js`) as a child process, for tests. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const STANDALONE_DIR = path.resolve(".next", "standalone");
export const SERVE_JS = path.join(STANDALONE_DIR, "serve.js");

export interface Replica {
  url: string;
  proc: ChildProcess;
  /** everything it printed so far */
  output(): string;
  exited: Promise<number | null>;
}

export function startReplica(port: number, env: Record<string, string>): Replica {
  const proc = spawn(process.execPath, [SERVE_JS], {
    cwd: STANDALONE_DIR,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { url: `http://127.0.0.1:${port}`, proc, output: () => out, exited };
}

/** Whether a build with serve.js is there (npm test builds it before vitest: scripts/test.ts). */
export function standaloneBuilt(): boolean {
  return fs.existsSync(SERVE_JS) && fs.existsSync(path.join(STANDALONE_DIR, "drizzle"));
}
