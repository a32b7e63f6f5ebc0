/**
 * The built standalone server (serve.js) for benchmarks: a large- or demo-scale emulator, a scratch PostgreSQL,
 * one server process and a signed-in user's session cookie. BENCH_STANDALONE_DIR=<dir> runs a copy of a build
 * (e.g. one taken before a change) instead of .next/standalone; BENCH_DATABASE_URL picks the PostgreSQL server.
 */
import fs from "node:fs";
import path from "node:path";
import { openDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import type { Role } from "@/lib/auth/roles";
import { createScratchDatabase } from "@/tests/helpers/postgres";
import {
  replicaEnv,
  STANDALONE_DIR,
  startReplica,
  waitListening,
  type Replica,
} from "@/tests/helpers/standalone";
import { signIn } from "@/tests/helpers/standalone-http";
import { fmt, freePort, spawnEmulator, type RunningEmulator } from "./lib";

export const standaloneDir = () => path.resolve(process.env.BENCH_STANDALONE_DIR ?? STANDALONE_DIR);

export interface Stack {
  emu: RunningEmulator;
  server: Replica;
  /** the signed-in user's `next-auth.session-token=…` cookie */
  cookie: string;
  /** the scratch database the server uses */
  dbUrl: string;
  stop(): Promise<void>;
}

export async function startStack(opts: {
  scale: "demo" | "large";
  role: Role;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** the build to run (default: standaloneDir()) */
  dir?: string;
  /** an emulator already running (left running by stop()) */
  emulator?: RunningEmulator;
}): Promise<Stack> {
  const dir = opts.dir ?? standaloneDir();
  if (!fs.existsSync(path.join(dir, "serve.js")))
    throw new Error(`no build in ${dir}: run \`npm run build\` first`);
  process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
  const [emu, db] = await Promise.all([
    opts.emulator ?? spawnEmulator(opts.scale === "large" ? { EMULATOR_SCALE: "large" } : {}),
    createScratchDatabase(),
  ]);
  if (!opts.emulator) console.log(`emulator (${opts.scale}) up in ${fmt(emu.startupMs)}`);
  const server = startReplica(
    await freePort(),
    replicaEnv(0, db.url, emu.endpoint, { LOG_FORMAT: "text", ...opts.env }),
    { dir, ...(opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {}) },
  );
  const stop = async () => {
    if (server.proc.exitCode === null) {
      server.proc.kill("SIGTERM");
      const killer = setTimeout(() => server.proc.kill("SIGKILL"), 20_000);
      await server.exited;
      clearTimeout(killer);
    }
    if (!opts.emulator) await emu.stop();
    await db.drop();
  };
  try {
    await waitListening(server);
    const handle = await openDb({ kind: "postgres", url: db.url });
    await createUser(handle.db, {
      username: "bench",
      name: "Bench",
      password: "bench-password",
      role: opts.role,
    });
    await handle.close();
    const cookie = (await signIn(server.url, "bench", "bench-password")).session ?? "";
    if (!cookie) throw new Error(`sign-in failed:\n${server.output()}`);
    return { emu, server, cookie, dbUrl: db.url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
