import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { bumpDataGeneration, dataGeneration } from "@/lib/data-generation";
import { observeRequest, type RequestRecord } from "@/lib/metrics/http";
import { STALE_SINCE_HEADER } from "@/lib/sagemaker/stale";
import { captureAnswer } from "./answer-capture";
import { answerKey, wantsFresh, type AnswerKey } from "./answer-key";
import { AnswerStore, type Answer } from "./answer-store";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** Says whether an answer came from the cache (`hit`) or was made now and may be kept (`miss`). */
export const CACHE_HEADER = "x-sagedeck-cache";

export interface AnswerCacheOptions {
  /** ANSWER_CACHE_TTL_MS; 0: every request goes to `handle` (changes still bump the data generation) */
  ttlMs: number;
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
}

/** Headers that belong to one response, never repeated from a kept answer. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
PER_RESPONSE.add("x-request-id").add(CACHE_HEADER);

const g = globalThis as unknown as { sagedeckRequestObserved?: (r: RequestRecord) => void };

/**
 * The production server's answer cache (scripts/serve/README.md): a signed-in caller's repeated read of an
 * allow-listed API (./answer-key.ts) within `ttlMs` is answered from memory, without Next, as long as the data
 * generation (lib/data-generation.ts) has not moved since the answer was made. Every request that is not a GET or
 * HEAD moves it when it arrives and when it is done. Only 200 JSON answers without Set-Cookie (and without a stale
 * SageMaker value) are kept. A hit gets its own request id and is counted and logged like any API request.
 */
export function withAnswerCache(handle: Handler, opts: AnswerCacheOptions): Handler {
  const now = opts.now ?? Date.now;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const store = new AnswerStore({ ttlMs: opts.ttlMs, maxEntries: opts.maxEntries ?? 2_000, maxBytes, now });
  // the route wrapper reports who it answered (lib/metrics/http.ts): kept with the answer for the hits' log lines
  const pending = new AsyncLocalStorage<{ record: RequestRecord | null }>();
  g.sagedeckRequestObserved = (r) => {
    const slot = pending.getStore();
    if (slot) slot.record = r;
  };

  // a GET being answered by Next, per key: identical requests arriving meanwhile wait for its answer instead of
  // all going to Next (when the TTL ends under load, 64 clients would otherwise all miss at once)
  const making = new Map<string, { generation: number; answer: Promise<Answer | null> }>();

  const miss = (req: http.IncomingMessage, res: http.ServerResponse, key: AnswerKey, generation: number) => {
    res.setHeader(CACHE_HEADER, "miss");
    const captured = captureAnswer(res, maxBytes / 8);
    const slot = { record: null as RequestRecord | null };
    let settle: (a: Answer | null) => void = () => undefined;
    const answer = new Promise<Answer | null>((resolve) => (settle = resolve));
    making.set(key.key, { generation, answer });
    const done = (a: Answer | null) => {
      if (making.get(key.key)?.answer === answer) making.delete(key.key);
      settle(a && dataGeneration() === generation ? a : null);
    };
    res.once("finish", () => {
      const kept = keepable(res, captured.body(), key, slot.record, generation, now());
      if (kept && dataGeneration() === generation) store.set(key.key, kept);
      done(kept);
    });
    res.once("close", () => done(null)); // after "finish" this does nothing; before it, the client went away
    return pending.run(slot, () => handle(req, res));
  };

  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      // a change: answers made before it (or while it runs) are out of date
      bumpDataGeneration();
      res.once("close", bumpDataGeneration);
      return handle(req, res);
    }
    const started = performance.now();
    const key = opts.ttlMs > 0 ? answerKey(req) : null;
    if (!key) return handle(req, res);
    const generation = dataGeneration();
    const fresh = wantsFresh(req);
    const hit = fresh ? undefined : store.get(key.key, generation);
    if (hit) return answerFromCache(req, res, hit, started);
    const underWay = fresh ? undefined : making.get(key.key);
    if (underWay?.generation === generation) {
      const made = await underWay.answer;
      if (made && made.generation === dataGeneration()) return answerFromCache(req, res, made, started);
    }
    if (req.method !== "GET") return handle(req, res);
    return miss(req, res, key, dataGeneration());
  };
}

/** The answer to keep, or null: a complete 200 JSON answer without Set-Cookie or a stale SageMaker value. */
function keepable(
  res: http.ServerResponse,
  body: Buffer | null,
  key: AnswerKey,
  record: RequestRecord | null,
  generation: number,
  storedAt: number,
): Answer | null {
  if (!body || res.statusCode !== 200 || res.hasHeader("set-cookie")) return null;
  if (res.hasHeader(STALE_SINCE_HEADER)) return null;
  if (!/^application\/json\b/.test(String(res.getHeader("content-type") ?? ""))) return null;
  const headers: Answer["headers"] = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || PER_RESPONSE.has(name)) continue;
    headers.push([name, typeof value === "number" ? String(value) : value]);
  }
  return { status: 200, headers, body, route: key.route, user: record?.user ?? null, generation, storedAt };
}

function answerFromCache(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  a: Answer,
  started: number,
): void {
  const requestId = randomUUID();
  res.statusCode = a.status;
  for (const [name, value] of a.headers) res.setHeader(name, value);
  res.setHeader("x-request-id", requestId);
  res.setHeader(CACHE_HEADER, "hit");
  res.setHeader("content-length", a.body.length);
  if (req.method === "HEAD") res.end();
  else res.end(a.body);
  const method = req.method ?? "GET";
  observeRequest({
    route: a.route,
    method,
    status: a.status,
    durationMs: performance.now() - started,
    requestId,
    user: a.user,
  });
}
