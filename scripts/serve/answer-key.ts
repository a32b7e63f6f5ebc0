import { createHash } from "node:crypto";
import type http from "node:http";

/**
 * The read APIs the answer cache may answer: GET routes whose answer depends only on the caller, the URL and the
 * data (they write nothing a repeated read would skip, and set no cookie). `template` is the route template the
 * metrics and logs use (lib/metrics/http.ts routeTemplate).
 */
export const CACHEABLE_ROUTES: readonly { template: string; pattern: RegExp }[] = [
  { template: "/api/approvals", pattern: /^\/api\/approvals$/ },
  { template: "/api/experiments/[name]/runs", pattern: /^\/api\/experiments\/[^/]+\/runs$/ },
];

/** next-auth's session cookie (or one of its chunks), with or without the `__Secure-` prefix. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=[^;\s]/;
const BEARER = /^Bearer\s+\S/i;

/** Request headers that can change an answer besides the credential: all of them are part of the key. */
const VARYING = [
  "host",
  "accept",
  "accept-encoding",
  "accept-language",
  "x-forwarded-proto",
  "x-forwarded-host",
] as const;

export interface AnswerKey {
  /** SHA-256 over the credential, method, URL and the varying headers */
  key: string;
  route: string;
}

/**
 * The cache key of a request the answer cache may answer, or null: a GET or HEAD (looked up as GET) of an
 * allow-listed route, with a credential (a session cookie or `Authorization: Bearer`), not conditional or ranged.
 * The whole Cookie and Authorization headers go into the key, so one caller's answer is never another's.
 */
export function answerKey(req: http.IncomingMessage): AnswerKey | null {
  const method = req.method;
  if (method !== "GET" && method !== "HEAD") return null;
  const url = req.url ?? "";
  if (!url.startsWith("/api/")) return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const match = CACHEABLE_ROUTES.find((r) => r.pattern.test(pathname));
  if (!match) return null;
  const h = req.headers;
  const auth = h.authorization ?? "";
  const cookie = h.cookie ?? "";
  if (!BEARER.test(auth) && !SESSION_COOKIE.test(cookie)) return null;
  if (h["if-none-match"] || h["if-modified-since"] || h.range) return null;
  const hash = createHash("sha256");
  hash.update(`GET ${url}\n${auth}\n${cookie}\n`);
  for (const name of VARYING) hash.update(`${name}: ${String(h[name] ?? "")}\n`);
  return { key: hash.digest("base64url"), route: match.template };
}

/** Whether the client asked for a fresh answer (a browser's reload): not answered from the cache. */
export function wantsFresh(req: http.IncomingMessage): boolean {
  const cc = req.headers["cache-control"] ?? "";
  return /\bno-cache\b|\bmax-age=0\b/.test(cc) || req.headers.pragma === "no-cache";
}
