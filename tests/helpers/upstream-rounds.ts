/**
 * An HTTP proxy between the app and the emulator that records each upstream call (SageMaker, S3, any service
 * the emulator serves) with when it was sent and when its answer came back, so a test can count the rounds of
 * calls a read makes one after another: `rounds()` is the longest chain of calls in which each one was sent
 * after the previous one had answered. Calls that run in parallel overlap and count as one round. With a latency
 * fault on the emulator (every call ≥ that long), a call that waits for another's answer is always sent after
 * it, while calls sent together overlap by the whole latency: the count does not depend on how fast this
 * machine is. No vitest: bench/ can use it.
 */
import http from "node:http";

export interface RecordedCall {
  /** `SageMaker.Search`, `GET /bucket/key` (S3)… */
  operation: string;
  sentAt: number;
  answeredAt: number;
}

export interface RoundsProxy {
  /** the proxy's base URL: point SAGEMAKER_ENDPOINT at it */
  url: string;
  calls(): RecordedCall[];
  /** the longest chain of calls each sent after the previous one answered (0 when there were none) */
  rounds(): number;
  reset(): void;
  close(): Promise<void>;
}

/** The rounds of a set of calls (see RoundsProxy.rounds). */
export function roundsOf(calls: RecordedCall[]): number {
  const byStart = [...calls].sort((a, b) => a.sentAt - b.sentAt);
  const depth = new Map<RecordedCall, number>();
  for (const c of byStart) {
    let d = 1;
    for (const p of byStart) {
      const before = depth.get(p);
      if (before !== undefined && p.answeredAt <= c.sentAt) d = Math.max(d, before + 1);
    }
    depth.set(c, d);
  }
  return Math.max(0, ...depth.values());
}

const operationOf = (req: http.IncomingMessage): string => {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return target;
  return `${req.method ?? "GET"} ${(req.url ?? "/").split("?")[0]}`;
};

export async function startRoundsProxy(target: string): Promise<RoundsProxy> {
  let calls: RecordedCall[] = [];
  const server = http.createServer((req, res) => {
    const sentAt = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) =>
          typeof v === "string" && !["host", "connection", "content-length"].includes(k) ? [[k, v]] : [],
        ),
      );
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(`${target}${req.url ?? "/"}`, { method: req.method, headers, body })
        .then(async (up) => {
          const answer = Buffer.from(await up.arrayBuffer());
          calls.push({ operation: operationOf(req), sentAt, answeredAt: performance.now() });
          const out: Record<string, string> = {};
          up.headers.forEach((v, k) => {
            if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(k))
              out[k] = v;
          });
          res.writeHead(up.status, { ...out, "content-length": String(answer.length) });
          res.end(answer);
        })
        .catch((err: unknown) => {
          res.writeHead(502, { "content-type": "text/plain" });
          res.end(String(err));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => [...calls],
    rounds: () => roundsOf(calls),
    reset: () => {
      calls = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
