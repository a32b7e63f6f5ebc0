import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import next from "next";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/**
 * Next in this process with the configuration `next build` serialised (what the standalone server.js does),
 * behind our own HTTP server so that shutting down is ours to order.
 */
export async function startNext(dir: string, hostname: string, port: number): Promise<Handler> {
  const manifest = path.join(dir, ".next", "required-server-files.json");
  const { config } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { config: Record<string, unknown> };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  const app = next({ dev: false, dir, hostname, port, conf: config });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req, res) => handle(req, res);
}
