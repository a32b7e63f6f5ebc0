import http from "node:http";
import type { NextConfig } from "next";

/**
 * Methods the WHATWG Request constructor refuses (TRACE, TRACK): Next builds a Request for every route and
 * answered them with 500. Refused here with 405, at the Node HTTP server, before Next sees them. next.config.ts
 * is loaded by `next start` in the process that serves requests, so this is the one hook that runs first.
 */
const UNSUPPORTED = new Set(["TRACE", "TRACK"]);
const guarded = Symbol.for("sagedeck.methodGuard");
const proto = http.Server.prototype as http.Server & { [guarded]?: true };
if (!proto[guarded]) {
  proto[guarded] = true;
  const emit = Reflect.get(proto, "emit") as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    if (event === "request" && UNSUPPORTED.has(req.method ?? "")) {
      const body = JSON.stringify({
        error: { code: "method_not_allowed", message: `The method ${req.method} is not supported.` },
      });
      res.writeHead(405, {
        "Content-Type": "application/json",
        Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(body);
      return true;
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}

const config: NextConfig = {
  // a self-contained server in .next/standalone (traced node_modules only, no dev dependencies): the image's
  // content. `npm run build` adds the static assets, the migrations and serve.js (scripts/standalone.ts).
  output: "standalone",
  // prom-client holds the one metrics registry (lib/metrics): loaded once by Node, not bundled per route; pino
  // (lib/log.ts, server code only) is in Next's default list too, named here so the standalone trace keeps it
  serverExternalPackages: ["@electric-sql/pglite", "pg", "prom-client", "pino"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole repo as its own stage; skipping the duplicate check here
  // saves ~10-18 s per build and keeps a type error in tests or the emulator from blocking `npm start`.
  typescript: { ignoreBuildErrors: true },
};

export default config;
