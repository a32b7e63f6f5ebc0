/**
 * The built standalone server (`node .next/standalone/serve.js`) as child processes, for tests: replicas on one
 * scratch PostgreSQL and one emulator, 127.0.0.1 only. Needs `npm run build` first (npm test builds before
 * vitest); without a build the tests are skipped locally and fail in CI (`standaloneRunnable`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Permission } from "@/lib/auth/permissions";
import { newSecret } from "@/lib/auth/tokens/secret";
import { openDb } from "@/lib/db/client";
import { insertApiToken } from "@/lib/db/api-tokens";
import { freePort, startEmulator, type RunningEmulator } from "./emulator";
import { createScratchDatabase, postgresAvailable } from "./postgres";
import { waitFor } from "./wait";

export const STANDALONE_DIR = path.resolve(".next", "standalone");
export const SERVE_JS = path.join(STANDALONE_DIR, "serve.js");

export interface Replica {
  url: string;
  proc: ChildProcess;
  /** everything it printed so far */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * `node serve.js` of a standalone build on `port` (127.0.0.1), its output collected: `.next/standalone` unless
 * `opts.dir` names a copy (bench/, the fault suite), with optional node flags (`--cpu-prof`…).
 */
export function startReplica(
  port: number,
  env: Record<string, string>,
  opts: { dir?: string; nodeArgs?: string[] } = {},
): Replica {
  const dir = opts.dir ?? STANDALONE_DIR;
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(dir, "serve.js")], {
    cwd: dir,
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

/** Whether the standalone tests can run: throws in CI (CI=true) when the build or PostgreSQL is missing. */
export async function standaloneRunnable(what: string): Promise<boolean> {
  const CI = process.env.CI === "true" || process.env.CI === "1";
  if (!standaloneBuilt()) {
    if (CI) throw new Error("no standalone build (.next/standalone/serve.js): run `npm run build` first");
    console.warn(`Skipping ${what}: run \`npm run build\` first.`);
    return false;
  }
  return postgresAvailable();
}

export interface Cluster {
  emu: RunningEmulator;
  db: { url: string; drop: () => Promise<void> };
  replicas: Replica[];
  stop(): Promise<void>;
}

/** The environment of replica `i`: one database, one emulator, JSON logs, its own data directory. */
export function replicaEnv(i: number, dbUrl: string, emuUrl: string, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: dbUrl,
    SAGEMAKER_ENDPOINT: emuUrl,
    BIND_ADDRESS: "127.0.0.1",
    NEXTAUTH_SECRET: "x".repeat(40),
    SAGEDECK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `sagedeck-replica${i}-`)),
    LOG_FORMAT: "json",
    MATURITY_SNAPSHOT_MINUTES: "0",
    ...extra,
  };
}

/** Waits until a replica says it listens (throws with its output if it exits first). No vitest: bench/ uses it. */
export async function waitListening(r: Replica): Promise<void> {
  const ok = await waitFor(
    () => (/listening on/.test(r.output()) ? true : r.proc.exitCode !== null ? false : undefined),
    { what: "a replica to listen", timeoutMs: 90_000, intervalMs: 100 },
  );
  if (!ok) throw new Error(`a replica exited before listening:\n${r.output()}`);
}

/** `n` replicas started together (they race for the migration lock) on a scratch database and one emulator. */
export async function startCluster(n: number, extra: (i: number) => Record<string, string> = () => ({})) {
  const [emu, db] = await Promise.all([startEmulator(), createScratchDatabase()]);
  const ports: number[] = [];
  for (let i = 0; i < n; i++) ports.push(await freePort());
  const replicas = ports.map((port, i) => startReplica(port, replicaEnv(i, db.url, emu.url, extra(i))));
  const cluster: Cluster = {
    emu,
    db,
    replicas,
    stop: async () => {
      for (const r of replicas) if (r.proc.exitCode === null) r.proc.kill("SIGKILL");
      await Promise.all(replicas.map((r) => r.exited));
      await emu.stop();
      await db.drop();
    },
  };
  await Promise.all(replicas.map(waitListening));
  return cluster;
}

/** A service token (an SSO admin's, limited to `scopes`) written straight into the database; its secret. */
export async function serviceToken(dbUrl: string, name: string, scopes: Permission[]): Promise<string> {
  const handle = await openDb({ kind: "postgres", url: dbUrl });
  const secret = newSecret("service");
  try {
    await insertApiToken(handle.db, {
      id: crypto.randomUUID(),
      kind: "service",
      name,
      owner: "ops",
      ownerProvider: "oidc",
      ownerVersion: 0,
      tokenHash: secret.hash,
      hint: secret.hint,
      scopes,
      expiresAt: null,
    });
  } finally {
    await handle.close();
  }
  return secret.token;
}

/** A replica's JSON log lines (LOG_FORMAT=json). */
export function jsonLines(r: Replica): Record<string, unknown>[] {
  return r
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
