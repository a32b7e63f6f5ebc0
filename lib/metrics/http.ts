import { randomUUID } from "node:crypto";
import { log, logFormat } from "@/lib/log";
import { metrics } from "./registry";

type Params = Record<string, string | string[] | undefined>;

/**
 * The route template of an API request (`/api/models/[group]/versions/[version]`), from its path and the
 * dynamic segments Next matched: metrics and logs are grouped by route, never by resource name.
 */
export function routeTemplate(pathname: string, params: Params): string {
  const left = Object.entries(params).flatMap(([name, v]) =>
    v === undefined
      ? []
      : Array.isArray(v)
        ? v.map((x, i) => ({ name, value: x, rest: i > 0 }))
        : [{ name, value: v, rest: false }],
  );
  const out: string[] = [];
  for (const segment of pathname.split("/")) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // a malformed escape is refused by the wrapper; keep the raw segment out of the label anyway
      decoded = segment;
    }
    const i = left.findIndex((p) => p.value !== "" && (p.value === decoded || p.value === segment));
    if (i < 0) out.push(segment);
    else {
      const [p] = left.splice(i, 1);
      if (p && !p.rest) out.push(`[${p.name}]`);
    }
  }
  return out.join("/");
}

export interface RequestRecord {
  route: string;
  method: string;
  status: number;
  durationMs: number;
  requestId: string;
  user: string | null;
}

const g = globalThis as unknown as {
  /** set by the production server's answer cache (scripts/serve/answer-cache.ts): learns who a miss answered */
  sagedeckRequestObserved?: (r: RequestRecord) => void;
};

/**
 * Called by the route wrapper once an answer is ready (and by the production server for an answer it serves from
 * its answer cache): counters, latency, and with LOG_FORMAT=json the request's log line (text mode stays quiet
 * per request, as `next start` does; failures are logged where they happen).
 */
export function observeRequest(r: RequestRecord): void {
  g.sagedeckRequestObserved?.(r);
  const labels = { route: r.route, method: r.method, status: String(r.status) };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, r.durationMs / 1000);
  if (logFormat() !== "json") return;
  log(
    r.status >= 500 ? "error" : "info",
    `${r.method} ${r.route} ${r.status} ${Math.round(r.durationMs)}ms`,
    {
      requestId: r.requestId,
      method: r.method,
      route: r.route,
      status: r.status,
      durationMs: Math.round(r.durationMs),
      user: r.user,
    },
  );
}

/** Counts an API request in flight for its route until the returned function is called. */
export function trackInFlight(route: string): () => void {
  const gauge = metrics().httpInFlight;
  gauge.inc({ route });
  return () => gauge.dec({ route });
}

/**
 * The route wrapper's outer layer: a request id, the in-flight gauge, and once answered the counters, latency and
 * log line. `run` reports the user once known.
 */
export async function observeRoute(
  req: Request,
  params: Promise<Params | undefined> | undefined,
  run: (requestId: string, onUser: (username: string | null) => void) => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const route = routeTemplate(
    new URL(req.url).pathname,
    (await Promise.resolve(params).catch(() => undefined)) ?? {},
  );
  const done = trackInFlight(route);
  const requestId = randomUUID();
  let user: string | null = null;
  try {
    const response = await run(requestId, (u) => (user = u));
    const durationMs = performance.now() - started;
    observeRequest({ route, method: req.method, status: response.status, durationMs, requestId, user });
    return response;
  } finally {
    done();
  }
}
