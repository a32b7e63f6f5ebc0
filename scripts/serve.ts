/**
 * The production server: `node serve.js` in the standalone build (.next/standalone, the image's command; bundled
 * by scripts/standalone.ts at `npm run build`). In order:
 * 1. validates the configuration (a mistake stops here with one line, exit 1);
 * 2. migrates the database once: on PostgreSQL under an advisory lock, so replicas starting together migrate one
 *    after the other and the later ones find nothing to apply (lib/db/migrate.ts); demo users in local mode only;
 * 3. serves Next on BIND_ADDRESS:PORT (default 0.0.0.0:3000) and records each request's TCP peer in
 *    X-SageDeck-Peer (for METRICS_ALLOW_CIDRS; a client's own value is dropped); a signed-in caller's repeated
 *    read of an allow-listed API is answered from the answer cache (./serve/answer-cache.ts, ./serve/README.md);
 * 4. on SIGTERM/SIGINT shuts down gracefully (./serve/shutdown.ts): readiness 503 first, in-flight requests finish,
 *    reconcilers and schedulers stop, the pool closes; exit 0, or 1 past SHUTDOWN_TIMEOUT_MS.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ConfigError, loadConfig } from "@/lib/config";
import { markPeerHeader, PEER_HEADER } from "@/lib/lifecycle";
import { prepareDatabase } from "./lib/prepare-db";
import { withAnswerCache } from "./serve/answer-cache";
import { gracefulShutdown, trackRequests } from "./serve/shutdown";
import { startNext } from "./serve/next";

/** Methods the WHATWG Request constructor refuses: answered 405 here, as next.config.ts does under `next start`. */
const UNSUPPORTED = new Set(["TRACE", "TRACK"]);

function say(message: string): void {
  console.log(`sagedeck: ${message}`);
}

async function main(): Promise<void> {
  const dir = __dirname;
  process.chdir(dir);
  Object.assign(process.env, { NODE_ENV: "production" });
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`sagedeck: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  process.env.NEXTAUTH_SECRET ??= config.auth.secret;
  process.env.NEXTAUTH_URL ??= config.auth.url;
  if (!fs.existsSync(path.join(dir, "drizzle")))
    throw new Error(`no migrations in ${dir}/drizzle: run npm run build`);

  const { applied, seeded } = await prepareDatabase(config);
  say(
    `database ready (${config.database.kind}; ${applied > 0 ? `applied ${applied} migration(s)` : "migrations up to date"}${seeded.length ? `; demo users ${seeded.join(", ")}` : ""})`,
  );

  const host = process.env.BIND_ADDRESS || "0.0.0.0";
  // repeated signed-in reads of a few APIs within ANSWER_CACHE_TTL_MS are answered without Next (serve/README.md)
  const handle = withAnswerCache(await startNext(dir, host, config.port), {
    ttlMs: config.ops.answerCacheTtlMs,
  });
  markPeerHeader();
  const server = http.createServer((req, res) => {
    if (UNSUPPORTED.has(req.method ?? "")) {
      res.writeHead(405, {
        "Content-Type": "application/json",
        Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
      });
      res.end(
        JSON.stringify({
          error: { code: "method_not_allowed", message: `The method ${req.method} is not supported.` },
        }),
      );
      return;
    }
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });
  const inFlight = trackRequests(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, host, resolve);
  });
  say(`listening on http://${host}:${config.port} (pid ${process.pid})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void gracefulShutdown({ server, inFlight, signal, ...config.ops }).then((code) => process.exit(code));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  console.error(`sagedeck: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
