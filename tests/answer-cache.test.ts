/**
 * The production server's answer cache (scripts/serve/answer-cache.ts) in front of a real HTTP server whose
 * handler stands in for Next: it answers from a data version that a POST changes, and reports each request to
 * the metrics like the route wrapper. Every test first shows a repeated read answered from the cache, then what
 * must not be (another caller, a change, an invalidated SageMaker read, an expired TTL, answers never kept), and
 * that a burst of identical reads reaches Next once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { observeRequest, type RequestRecord } from "@/lib/metrics/http";
import { ReadCache } from "@/lib/sagemaker/cache";
import { withAnswerCache } from "@/scripts/serve/answer-cache";
import { waitFor } from "@/tests/helpers/wait";

const ALEX = { authorization: "Bearer sdk_pat_alex" };
const SAM = { authorization: "Bearer sdk_pat_sam" };
const VERA_COOKIE = { cookie: "theme=dark; next-auth.session-token=vera-session" };

let version = 1;
let calls = 0;
let clock = 1_000_000;
const seen: RequestRecord[] = [];
let server: http.Server;
let base = "";
let arrived = 0;
/** `?gate` answers wait for this (opened by the test once every request of a burst has arrived) */
let gate: Promise<void> = Promise.resolve();

/** Stands in for Next: 200 JSON from the current data version, or what the query asks for. */
async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  calls += 1;
  await new Promise((r) => setImmediate(r));
  const url = new URL(req.url ?? "/", "http://x");
  if (url.searchParams.has("gate")) await gate;
  if (req.method === "POST") {
    version += 1;
    res.writeHead(201, { "content-type": "application/json" }).end("{}");
    return;
  }
  const status = Number(url.searchParams.get("status") ?? 200);
  const user = req.headers.authorization ?? req.headers.cookie ?? null;
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-request-id", `next-${calls}`);
  if (url.searchParams.has("cookie")) res.setHeader("set-cookie", "a=b");
  res.end(JSON.stringify({ version, user }));
  const record = { route: "/api/approvals", method: req.method ?? "GET", status, durationMs: 1 };
  observeRequest({ ...record, requestId: `next-${calls}`, user: user ? "alex" : null });
}

async function get(path: string, headers: Record<string, string>, method = "GET") {
  const res = await fetch(`${base}${path}`, { method, headers });
  const body = await res.text();
  return { status: res.status, cache: res.headers.get("x-sagedeck-cache"), res, body };
}

beforeAll(async () => {
  const handle = withAnswerCache(fakeNext, { ttlMs: 1_000, now: () => clock });
  const g = globalThis as unknown as { sagedeckRequestObserved?: (r: RequestRecord) => void };
  const inner = g.sagedeckRequestObserved;
  g.sagedeckRequestObserved = (r) => {
    seen.push(r);
    inner?.(r);
  };
  server = http.createServer((req, res) => void handle(req, res));
  server.on("request", () => (arrived += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  clock += 60_000; // nothing kept carries over to the next test
});

describe("the answer cache", () => {
  it("answers a repeated read from the cache: same body and length, its own request id, counted and logged", async () => {
    const first = await get("/api/approvals?group=a", ALEX);
    expect(first.cache).toBe("miss");
    const before = calls;
    seen.length = 0;
    const second = await get("/api/approvals?group=a", ALEX);
    expect(second.cache).toBe("hit");
    expect(calls).toBe(before);
    expect(second.body).toBe(first.body);
    expect(second.res.headers.get("content-length")).toBe(String(Buffer.byteLength(first.body)));
    const id = second.res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toEqual([
      expect.objectContaining({ route: "/api/approvals", status: 200, requestId: id, user: "alex" }),
    ]);
    const head = await get("/api/approvals?group=a", ALEX, "HEAD");
    expect([head.cache, head.body, calls]).toEqual(["hit", "", before]);
    expect(head.res.headers.get("content-length")).toBe(String(Buffer.byteLength(first.body)));
    // another URL is another answer
    expect((await get("/api/approvals?group=b", ALEX)).cache).toBe("miss");
  });

  it("identical reads arriving while one is being made wait for it: Next answers once", async () => {
    await get("/api/approvals?herd&gate", ALEX);
    expect((await get("/api/approvals?herd&gate", ALEX)).cache).toBe("hit");
    clock += 1_000; // the TTL ended: 20 clients ask again at once, while the first is being answered
    const before = calls;
    let open = () => undefined as void;
    gate = new Promise<void>((resolve) => (open = resolve));
    const from = arrived;
    const burst = Promise.all(Array.from({ length: 20 }, () => get("/api/approvals?herd&gate", ALEX)));
    await waitFor(() => (arrived - from === 20 ? true : undefined), { what: "the 20 requests to arrive" });
    open();
    const answers = await burst;
    expect(calls).toBe(before + 1);
    expect(answers.filter((a) => a.cache === "hit")).toHaveLength(19);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it("never gives one caller's answer to another", async () => {
    await get("/api/experiments/e1/runs", ALEX);
    expect((await get("/api/experiments/e1/runs", ALEX)).cache).toBe("hit");
    const sam = await get("/api/experiments/e1/runs", SAM);
    expect(sam.cache).toBe("miss");
    expect(JSON.parse(sam.body)).toMatchObject({ user: SAM.authorization });
  });

  it("after a change (POST) the next read is made again and sees it", async () => {
    await get("/api/approvals", ALEX);
    expect((await get("/api/approvals", ALEX)).cache).toBe("hit");
    const v = version;
    expect((await fetch(`${base}/api/approvals/decisions`, { method: "POST", headers: ALEX })).status).toBe(
      201,
    );
    const after = await get("/api/approvals", ALEX);
    expect(after.cache).toBe("miss");
    expect(JSON.parse(after.body)).toMatchObject({ version: v + 1 });
  });

  it("a SageMaker read cache change (invalidation or a new value) makes the next read a miss", async () => {
    const readCache = new ReadCache(() => clock);
    await get("/api/approvals", VERA_COOKIE);
    expect((await get("/api/approvals", VERA_COOKIE)).cache).toBe("hit");
    readCache.invalidate("models:");
    expect((await get("/api/approvals", VERA_COOKIE)).cache).toBe("miss");
    expect((await get("/api/approvals", VERA_COOKIE)).cache).toBe("hit");
    await readCache.get("models:list", 60_000, () => Promise.resolve(["m1"]));
    expect((await get("/api/approvals", VERA_COOKIE)).cache).toBe("miss");
  });

  it("an answer older than the TTL is not served", async () => {
    await get("/api/approvals", ALEX);
    clock += 999;
    expect((await get("/api/approvals", ALEX)).cache).toBe("hit");
    clock += 1;
    expect((await get("/api/approvals", ALEX)).cache).toBe("miss");
  });

  it("keeps nothing for a caller without credentials, a non-200 answer or one that sets a cookie", async () => {
    await get("/api/approvals", VERA_COOKIE);
    expect((await get("/api/approvals", VERA_COOKIE)).cache).toBe("hit");
    const anonymous: Record<string, string>[] = [
      {},
      { cookie: "theme=dark" },
      { authorization: "Basic eDp5" },
    ];
    for (const headers of anonymous) {
      const before = calls;
      for (let i = 0; i < 2; i++) expect((await get("/api/approvals", headers)).cache).toBeNull();
      expect(calls).toBe(before + 2);
    }
    for (const query of ["?status=500", "?status=404", "?cookie=1"]) {
      const before = calls;
      for (let i = 0; i < 2; i++) expect((await get(`/api/approvals${query}`, ALEX)).cache).toBe("miss");
      expect(calls).toBe(before + 2);
    }
    // a route outside the allow-list is never answered from the cache
    for (let i = 0; i < 2; i++) expect((await get("/api/models", ALEX)).cache).toBeNull();
  });
});
