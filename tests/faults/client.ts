/**
 * A client as a real script or browser behaves against several replicas behind a load balancer: each change
 * carries one Idempotency-Key for all its attempts; a network error, a timeout, 429 or 5xx is retried with
 * backoff on the next replica; 409 "still running" is waited out; a promotion answered 202 is followed until it
 * is applied or failed. Every HTTP attempt's latency is recorded (reads and writes apart) for the latency bounds.
 */
export interface Attempt {
  kind: "read" | "write" | "page";
  path: string;
  status: number | "network" | "timeout";
  ms: number;
}

export interface Outcome<T = Record<string, unknown>> {
  status: number | "gave-up";
  body: T | null;
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FaultClient {
  readonly log: Attempt[] = [];
  private next = 0;

  constructor(
    private readonly bases: () => string[],
    private readonly auth: { token?: string; cookie?: string },
    /** one attempt's client-side timeout */
    private readonly timeoutMs = 30_000,
  ) {}

  private base(): string {
    const all = this.bases();
    return all[this.next++ % all.length] ?? "";
  }

  /** One HTTP attempt on one replica. */
  async once(
    kind: Attempt["kind"],
    path: string,
    init: { method?: string; body?: unknown; key?: string; base?: string } = {},
  ): Promise<{ status: Attempt["status"]; body: unknown }> {
    const base = init.base ?? this.base();
    const headers: Record<string, string> = {};
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (init.key) headers["idempotency-key"] = init.key;
    if (init.body !== undefined) {
      headers["content-type"] = "application/json";
      headers.origin = base;
    }
    const t0 = performance.now();
    let status: Attempt["status"];
    let body: unknown = null;
    try {
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      status = res.status;
      try {
        body = text && kind !== "page" ? JSON.parse(text) : text;
      } catch {
        body = text;
      }
    } catch (err) {
      status = (err as Error).name === "TimeoutError" ? "timeout" : "network";
    }
    this.log.push({ kind, path, status, ms: performance.now() - t0 });
    return { status, body };
  }

  /** A read (API or page), retried a few times on failures as a browser's reload would. */
  async read<T = Record<string, unknown>>(path: string, kind: "read" | "page" = "read"): Promise<Outcome<T>> {
    for (let i = 1; ; i++) {
      const r = await this.once(kind, path);
      if (typeof r.status === "number" && r.status < 500 && r.status !== 429)
        return { status: r.status, body: r.body as T, attempts: i };
      if (i >= 4) return { status: "gave-up", body: null, attempts: i };
      await sleep(200 * i);
    }
  }

  /**
   * A change with one Idempotency-Key over all its attempts (at most `deadlineMs` of retrying): the final answer,
   * or "gave-up" when every attempt failed transiently.
   */
  async change<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    opts: { key?: string; deadlineMs?: number; base?: string } = {},
  ): Promise<Outcome<T>> {
    const key = opts.key ?? crypto.randomUUID();
    const deadline = Date.now() + (opts.deadlineMs ?? 25_000);
    for (let i = 1; ; i++) {
      const r = await this.once("write", path, { body, key, base: i === 1 ? opts.base : undefined });
      const stillRunning = r.status === 409 && /still running/.test(JSON.stringify(r.body ?? ""));
      const transient = typeof r.status !== "number" || r.status >= 500 || r.status === 429;
      if (!transient && !stillRunning) return { status: r.status as number, body: r.body as T, attempts: i };
      if (Date.now() > deadline) return { status: "gave-up", body: null, attempts: i };
      await sleep(Math.min(2_000, 150 * 2 ** Math.min(i, 4)) * (0.5 + Math.random() / 2));
    }
  }

  /** Follows a decision answered 202 until it is applied or failed (the page polls the same route). */
  async follow(id: string, timeoutMs = 40_000): Promise<string> {
    const end = Date.now() + timeoutMs;
    let state = "unknown";
    while (Date.now() < end) {
      const r = await this.read<{ decision?: { state?: string } }>(`/api/approvals/decisions/${id}`);
      state = r.body?.decision?.state ?? state;
      if (state === "applied" || state === "failed") return state;
      await sleep(500);
    }
    return state;
  }
}

/** The slowest attempt of a kind, and how many attempts of it there were. */
export function slowest(
  log: Attempt[],
  kind: Attempt["kind"],
): { n: number; maxMs: number; path: string; status: Attempt["status"] | "none" } {
  const of = log.filter((a) => a.kind === kind);
  const top = of.reduce<Attempt | undefined>((m, a) => (!m || a.ms > m.ms ? a : m), undefined);
  return { n: of.length, maxMs: top?.ms ?? 0, path: top?.path ?? "-", status: top?.status ?? "none" };
}
