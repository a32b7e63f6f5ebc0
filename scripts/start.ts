/**
 * `npm start`: validate configuration, build when needed, migrate (and seed demo users in local mode),
 * start the emulator (local mode) and `next start`, wait for /api/health, print the URL and sign-ins.
 * `--dev` runs `next dev` instead of a production build. `--fresh` wipes the data dir first (e2e runs).
 * Local mode configures the emulator's three demo accounts unless SAGEDECK_ACCOUNTS is set (switch:
 * SAGEDECK_DEMO_ACCOUNTS, see lib/demo-accounts.ts). Ctrl-C stops everything. Bad configuration stops here
 * with one clear line.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig, type Config } from "@/lib/config";
import { acquireDirLock } from "@/lib/db/lock";
import { DEMO_USERS } from "@/lib/db/seed";
import { buildNeeded } from "./lib/build-check";
import { accountLines, planDemoAccounts } from "./lib/demo-accounts";
import { prepareDatabase, StartupError } from "./lib/prepare-db";
import { portFree, run, startChild, stopChild, waitForHttp, waitForLine, type Child } from "./lib/processes";
import { EMULATOR_RESTARTS, supervise, type Supervised } from "./lib/supervise";

const root = process.cwd();
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const children: Child[] = [];
/** children restarted when they stop (the emulator): stopped with the others, never "stopped unexpectedly" */
const supervisedChildren: Supervised[] = [];
let stopping = false;

function fail(message: string): never {
  console.error(`sagedeck: ${message}`);
  process.exit(1);
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all(
      [...children, ...supervisedChildren.map((s) => s.current())].reverse().map((c) => stopChild(c)),
    );
  }
  process.exit(code);
}

function childEnv(config: Config): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXTAUTH_SECRET: config.auth.secret,
    NEXTAUTH_URL: config.auth.url,
    SAGEDECK_DATA_DIR: config.dataDir,
    PORT: String(config.port),
    EMULATOR_PORT: String(config.emulatorPort),
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

function wipeDataDir(config: Config) {
  const base = path.join(root, ".data") + path.sep;
  if (!config.dataDir.startsWith(base))
    fail(`--fresh only wipes data dirs inside .data/, not ${config.dataDir}.`);
  const pglite = path.join(config.dataDir, "pglite");
  if (fs.existsSync(pglite)) acquireDirLock(pglite)(); // throws if a running server holds it
  fs.rmSync(config.dataDir, { recursive: true, force: true });
}

async function startEmulator(config: Config, env: NodeJS.ProcessEnv): Promise<void> {
  const entry = path.join(root, "emulator", "main.ts");
  if (!fs.existsSync(entry)) {
    console.log(
      "sagedeck: the SageMaker emulator is not available yet (emulator/main.ts is missing); continuing without it.",
    );
    return;
  }
  if (!(await portFree(config.emulatorPort))) {
    fail(
      `port ${config.emulatorPort} (EMULATOR_PORT) is already in use; stop the other process or set EMULATOR_PORT.`,
    );
  }
  const start = async (): Promise<Child> => {
    const emulator = startChild(
      "emulator",
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), entry],
      {
        ...env,
        EMULATOR_DATA_DIR: path.join(config.dataDir, "emulator"),
        EMULATOR_QUIET: process.env.EMULATOR_QUIET ?? "1",
      },
    );
    await waitForLine(emulator, /emulator listening on/, 120_000);
    return emulator;
  };
  // a crashed emulator is restarted (its data dir keeps the state) a few times; the dashboard stays up and
  // shows "SageMaker unreachable" meanwhile
  const supervised = await supervise({
    start,
    policy: EMULATOR_RESTARTS,
    stopping: () => stopping,
    log: (line) => console.error(`sagedeck: ${line}`),
    onGiveUp: (line) => {
      console.error(`sagedeck: ${line} Stopping everything; see the [emulator] log above.`);
      void shutdown(1);
    },
  });
  supervisedChildren.push(supervised);
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  let config: Config;
  try {
    if (args.has("--fresh")) wipeDataDir(loadConfig());
    config = loadConfig();
    if (config.mode === "local") {
      const plan = planDemoAccounts(process.env, config.dataDir, args.has("--fresh"));
      if (plan.note) console.log(`sagedeck: ${plan.note}`);
      Object.assign(process.env, plan.env);
      config = loadConfig();
    }
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const env = childEnv(config);
  Object.assign(process.env, { NEXTAUTH_SECRET: config.auth.secret, SAGEDECK_DATA_DIR: config.dataDir });

  if (!(await portFree(config.port)))
    fail(`port ${config.port} (PORT) is already in use; stop the other process or set PORT.`);

  const { seeded } = await prepareDatabase(config);
  console.log(
    `sagedeck: database ready (${config.database.kind}${seeded.length ? `, created demo users ${seeded.join(", ")}` : ""})`,
  );

  if (config.mode !== "local") await checkSageMaker(config);

  const build = dev ? { needed: false, reason: "" } : buildNeeded(root);
  // e2e (playwright.config.ts) tests the build made just before it; with no build at all it still builds
  if (
    build.needed &&
    process.env.SAGEDECK_SKIP_REBUILD === "1" &&
    fs.existsSync(path.join(root, ".next", "BUILD_ID"))
  ) {
    console.log(`sagedeck: using the existing build although ${build.reason} (SAGEDECK_SKIP_REBUILD=1)`);
    build.needed = false;
  }
  if (build.needed) {
    console.log(`sagedeck: building the dashboard (${build.reason})…`);
    if (
      (await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], env)) !== 0
    ) {
      fail("the build failed (see above); fix the error and run `npm start` again.");
    }
    // the standalone server as the image runs it (scripts/standalone.ts); `next start` below serves from .next
    if (
      (await run(
        process.execPath,
        [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/standalone.ts"],
        env,
      )) !== 0
    )
      fail("completing the standalone build failed (see above).");
  }

  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (config.mode === "local") await startEmulator(config, env);

  if (config.mode === "local" && supervisedChildren.length > 0) await checkSageMaker(config);

  const nextArgs = [
    path.join(root, "node_modules/next/dist/bin/next"),
    dev ? "dev" : "start",
    "-H",
    "127.0.0.1",
    "-p",
    String(config.port),
  ];
  const web = startChild("web", process.execPath, nextArgs, env);
  children.push(web);
  for (const child of children) {
    void child.exited.then(async (code) => {
      if (stopping) return;
      console.error(`sagedeck: ${child.name} stopped unexpectedly (exit code ${code}); stopping everything.`);
      await shutdown(1);
    });
  }

  const url = `http://127.0.0.1:${config.port}`;
  const health = await waitForHttp(`${url}/api/health`, 120_000, () => web.proc.exitCode === null);
  // the anonymous health answer says only ok/degraded (details are for signed-in users); the database and
  // SageMaker were each checked above, so "degraded" here means the web process sees something they did not
  const body = (await health.json().catch(() => ({}))) as { status?: string };
  if (body.status !== "ok")
    console.warn(
      `sagedeck: warning: the dashboard reports its health as ${body.status ?? "unknown"} (database or SageMaker unreachable from it); see the [web] log above.`,
    );

  const accounts = config.accounts.length > 1 ? await accountLines(config.accounts) : [];
  console.log(`\nSageDeck is running at ${url}  (data: ${describeMode(config)}; Ctrl-C stops it)`);
  if (accounts.length)
    console.log(
      `AWS accounts (SAGEDECK_ACCOUNTS; admins see them at ${url}/settings/accounts):\n${accounts.join("\n")}`,
    );
  if (config.auth.demoUsers) {
    console.log("Demo sign-ins (username / password — role):");
    for (const u of DEMO_USERS)
      console.log(`  ${u.username.padEnd(6)} / ${u.password.padEnd(16)} — ${u.role}`);
  }
}

async function checkSageMaker(config: Config) {
  const { pingSageMaker } = await import("@/lib/sagemaker/health");
  const ping = await pingSageMaker();
  if (ping.ok) return;
  const hint =
    config.mode === "aws"
      ? "check AWS_REGION and the credentials"
      : config.mode === "custom"
        ? "check SAGEMAKER_ENDPOINT"
        : "see the [emulator] log above";
  throw new StartupError(`SageMaker is not reachable: ${ping.message ?? "no answer"} (${hint}).`);
}

async function stopAll() {
  stopping = true;
  await Promise.all([...children, ...supervisedChildren.map((s) => s.current())].map((c) => stopChild(c)));
}

function describeMode(config: Config): string {
  const t = config.sagemaker;
  if (t.kind === "local") return `local emulator on port ${config.emulatorPort}`;
  if (t.kind === "custom") return `custom endpoint ${t.endpoint}`;
  return `AWS ${t.region ?? "default region"}`;
}

main().catch(async (err: unknown) => {
  const message = err instanceof StartupError || err instanceof Error ? err.message : String(err);
  console.error(`sagedeck: ${message}`);
  await stopAll();
  process.exit(1);
});
