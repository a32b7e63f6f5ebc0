import path from "node:path";
import { Emulator } from "./core/emulator";
import { createServer } from "./core/server";
import "./ops/index";
import { seed, seedOptionsFromEnv } from "./seed/index";

const port = Number(process.env.EMULATOR_PORT ?? 4599);
const dataDir = path.resolve(process.env.EMULATOR_DATA_DIR ?? ".data/emulator");
const quiet = process.env.EMULATOR_QUIET === "1";
const TICK_MS = 200;

async function main(): Promise<void> {
  const emulator = new Emulator(dataDir);
  try {
    emulator.store.lock();
  } catch (err) {
    console.error(`emulator: ${(err as Error).message}`);
    process.exit(1);
  }

  const reseed = async () => {
    const opts = seedOptionsFromEnv();
    const started = Date.now();
    await seed(emulator, opts);
    emulator.store.compact();
    console.log(
      `emulator: seeded ${opts.scale === "large" ? "large-scale" : "demo"} data in ${Date.now() - started} ms`,
    );
  };

  try {
    if (!emulator.store.load()) await reseed();
  } catch (err) {
    console.error(`emulator: could not load or seed state in ${dataDir}: ${(err as Error).message}`);
    emulator.store.unlock();
    process.exit(1);
  }

  // the conformance suite's check of every answer against the official service model (emulator/testing/model)
  // EMULATOR_VALIDATE_MODEL=auto finds botocore's model through python3 (for test helpers outside emulator/)
  let modelPath = process.env.EMULATOR_VALIDATE_MODEL;
  if (modelPath === "auto") {
    const found = (await import("./testing/model/model")).locateSageMakerModel();
    if ("missing" in found) throw new Error(`EMULATOR_VALIDATE_MODEL=auto: ${found.missing}`);
    modelPath = found.path;
  }
  const observer = modelPath
    ? (await import("./testing/model/checker")).createResponseChecker(modelPath)
    : undefined;

  const server = createServer({
    observer,
    emulator,
    reset: () =>
      emulator.exclusive(async () => {
        emulator.state.clear();
        emulator.store.wipe();
        await reseed();
      }),
    log: quiet ? () => undefined : (line) => console.log(line),
  });

  let ticking = false;
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    emulator
      .tick()
      .catch((err: unknown) => console.error("emulator: tick failed:", err))
      .finally(() => (ticking = false));
  }, TICK_MS);

  server.on("error", (err: NodeJS.ErrnoException) => {
    console.error(
      err.code === "EADDRINUSE"
        ? `emulator: port ${port} is already in use. Set EMULATOR_PORT to a free port.`
        : `emulator: ${err.message}`,
    );
    emulator.store.unlock();
    process.exit(1);
  });

  server.listen(port, "127.0.0.1", () => {
    console.log(`emulator listening on http://127.0.0.1:${port} (data: ${dataDir})`);
  });

  const stop = () => {
    clearInterval(timer);
    server.close();
    server.closeAllConnections();
    void emulator
      .exclusive(() => undefined)
      .finally(() => {
        emulator.store.close();
        emulator.store.unlock();
        process.exit(0);
      });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
