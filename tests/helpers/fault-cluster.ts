/**
 * The fault suite's system: built standalone replicas on one scratch PostgreSQL, reached through a TCP proxy the
 * test can cut, and one emulator (with its fault injection) at a chosen speed. A replica can be killed with
 * SIGKILL and started again on its port with the same environment. No vitest: bench/ can use it.
 */
import { freePort, startEmulator, type RunningEmulator } from "./emulator";
import { createScratchDatabase } from "./postgres";
import fs from "node:fs";
import path from "node:path";
import { replicaEnv, STANDALONE_DIR, startReplica, waitListening, type Replica } from "./standalone";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

/**
 * The build the replicas run: .next/standalone, or a copy of it named by FAULT_SUITE_STANDALONE_DIR (so a long
 * run does not hold the shared .next while other builds wait).
 */
export const faultStandaloneDir = () => process.env.FAULT_SUITE_STANDALONE_DIR ?? STANDALONE_DIR;

export const faultBuildPresent = () =>
  fs.existsSync(path.join(faultStandaloneDir(), "serve.js")) &&
  fs.existsSync(path.join(faultStandaloneDir(), "drizzle"));

/** `node serve.js` of the fault suite's build (faultStandaloneDir()). */
function startFaultReplica(port: number, env: Record<string, string>): Replica {
  return startReplica(port, env, { dir: faultStandaloneDir() });
}

export interface FaultCluster {
  emu: RunningEmulator;
  /** the scratch database, directly (the checker's view) */
  db: { url: string; drop: () => Promise<void> };
  /** what the replicas reach PostgreSQL through */
  proxy: TcpProxy;
  replicas: Replica[];
  urls(): string[];
  /** kill -9 of replica i (resolves once it has exited) */
  kill(i: number): Promise<void>;
  /** starts replica i again on its port with its environment; resolves when it listens */
  restart(i: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startFaultCluster(
  n: number,
  opts: { emulatorEnv?: Record<string, string>; replicaEnv?: Record<string, string> } = {},
): Promise<FaultCluster> {
  const [emu, db] = await Promise.all([
    startEmulator({ env: opts.emulatorEnv ?? {} }),
    createScratchDatabase(),
  ]);
  const proxy = await startTcpProxy("127.0.0.1", Number(new URL(db.url).port || 5432));
  const ports: number[] = [];
  for (let i = 0; i < n; i++) ports.push(await freePort());
  const envs = ports.map((_, i) => replicaEnv(i, proxy.url(db.url), emu.url, opts.replicaEnv ?? {}));
  const replicas = ports.map((port, i) => startFaultReplica(port, envs[i] ?? {}));
  const cluster: FaultCluster = {
    emu,
    db,
    proxy,
    replicas,
    urls: () => replicas.map((r) => r.url),
    async kill(i) {
      const r = replicas[i];
      if (!r || r.proc.exitCode !== null || r.proc.signalCode !== null) return;
      r.proc.kill("SIGKILL");
      await r.exited;
    },
    async restart(i) {
      const port = ports[i];
      const env = envs[i];
      if (port === undefined || !env) throw new Error(`no replica ${i}`);
      const r = startFaultReplica(port, env);
      replicas[i] = r;
      await waitListening(r);
    },
    async stop() {
      for (const r of replicas)
        if (r.proc.exitCode === null && r.proc.signalCode === null) r.proc.kill("SIGKILL");
      await Promise.all(replicas.map((r) => r.exited));
      await proxy.close();
      await emu.stop();
      await db.drop();
    },
  };
  await Promise.all(replicas.map(waitListening));
  return cluster;
}
