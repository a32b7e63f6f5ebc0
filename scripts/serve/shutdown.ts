import type http from "node:http";
import { beginShutdown, stopBackground } from "@/lib/lifecycle";

export interface InFlight {
  count(): number;
  /** resolves when no request is being answered */
  idle(): Promise<void>;
}

/** Counts requests being answered (from arrival until the answer is sent or the client went away). */
export function trackRequests(server: http.Server): InFlight {
  let active = 0;
  const waiters: (() => void)[] = [];
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    active += 1;
    res.once("close", () => {
      active -= 1;
      if (active === 0) for (const w of waiters.splice(0)) w();
    });
  });
  return {
    count: () => active,
    idle: () => (active === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The graceful shutdown, bounded by `shutdownTimeoutMs`: readiness fails at once; requests are still served for
 * `shutdownDrainMs` (load balancers take the replica out); then no new connections, in-flight requests finish,
 * idle keep-alive connections close; then the reconcilers, the snapshot scheduler, the invalidation listener and
 * the pool (lib/lifecycle.ts). Resolves with the exit code: 0, or 1 when the bound was reached.
 */
export async function gracefulShutdown(opts: {
  server: http.Server;
  inFlight: InFlight;
  signal: string;
  shutdownDrainMs: number;
  shutdownTimeoutMs: number;
}): Promise<number> {
  const { server, inFlight } = opts;
  const started = Date.now();
  beginShutdown();
  console.log(
    `sagedeck: ${opts.signal}: shutting down (readiness now fails; ${inFlight.count()} request(s) in flight; at most ${opts.shutdownTimeoutMs} ms)`,
  );
  const graceful = (async () => {
    await sleep(opts.shutdownDrainMs);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await inFlight.idle();
    server.closeAllConnections(); // every answer is sent: what is left are idle keep-alive connections
    await closed;
    await stopBackground();
    return 0;
  })();
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(1), Math.max(0, opts.shutdownTimeoutMs - (Date.now() - started)));
  });
  const code = await Promise.race([graceful, bound]);
  clearTimeout(timer);
  if (code === 0) console.log(`sagedeck: stopped cleanly in ${Date.now() - started} ms`);
  else {
    console.error(
      `sagedeck: the graceful shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${opts.shutdownTimeoutMs} (${inFlight.count()} request(s) still in flight); exiting`,
    );
    server.closeAllConnections();
  }
  return code;
}
