import type http from "node:http";
import { isObject } from "./json";
import type { Fault } from "./faults";
import type { ServerOptions } from "./server";
import { operationNames } from "./registry";

function reply(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * `/_emulator/*`: health, reset (back to the seed), faults (add/list/remove), stats (calls per operation), trail
 * (write calls with the caller, a CloudTrail stand-in).
 */
export async function handleControl(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  opts: ServerOptions,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = `${req.method ?? "GET"} ${url.pathname}`;
  const em = opts.emulator;
  switch (route) {
    case "GET /_emulator/health":
      return reply(res, 200, {
        status: "ok",
        operations: operationNames().filter((n) => !n.startsWith("_")).length,
      });
    case "POST /_emulator/reset":
      await opts.reset();
      em.stats.reset();
      em.trail.clear();
      em.faults.remove();
      return reply(res, 200, { status: "reset" });
    case "GET /_emulator/stats":
      return reply(res, 200, em.stats.toJSON());
    case "POST /_emulator/stats/reset":
    case "DELETE /_emulator/stats":
      em.stats.reset();
      return reply(res, 200, em.stats.toJSON());
    case "GET /_emulator/trail":
      return reply(res, 200, {
        events: em.trail.list({
          account: url.searchParams.get("account") ?? undefined,
          eventName: url.searchParams.get("eventName") ?? undefined,
        }),
      });
    case "DELETE /_emulator/trail":
      em.trail.clear();
      return reply(res, 200, { events: [] });
    case "GET /_emulator/violations":
      return reply(res, 200, opts.observer?.report() ?? { enabled: false });
    case "GET /_emulator/faults":
      return reply(res, 200, { faults: em.faults.list() });
    case "POST /_emulator/faults": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body || "{}");
      } catch {
        return reply(res, 400, { error: "Body must be JSON: a fault or a list of faults." });
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      for (const f of list) {
        if (!isObject(f) || typeof f.operation !== "string" || f.operation === "")
          return reply(res, 400, { error: "Each fault needs an 'operation' (an operation name or '*')." });
        em.faults.set(f as unknown as Fault);
      }
      return reply(res, 200, { faults: em.faults.list() });
    }
    case "DELETE /_emulator/faults":
      em.faults.remove(
        url.searchParams.get("operation") ?? undefined,
        url.searchParams.get("account") ?? undefined,
      );
      return reply(res, 200, { faults: em.faults.list() });
    default:
      return reply(res, 404, {
        error: `No control route ${route}. Try GET /_emulator/health, POST /_emulator/reset, GET|POST|DELETE /_emulator/faults, GET /_emulator/stats, GET|DELETE /_emulator/trail, GET /_emulator/violations.`,
      });
  }
}
