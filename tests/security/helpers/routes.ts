/**
 * Every API route of the dashboard, found on disk (app/api/**\/route.ts) and imported as Next would, so a new
 * route is in the security suite the day it is added. Dynamic segments get harmless sample values.
 */
import fs from "node:fs";
import path from "node:path";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
export const MUTATING: readonly Method[] = ["POST", "PUT", "PATCH", "DELETE"];

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export interface ApiRoute {
  /** e.g. /api/models/[group]/[version]/approve */
  pattern: string;
  /** the pattern with sample values, e.g. /api/models/g/1/approve */
  path: string;
  params: Record<string, string | string[]>;
  handlers: Partial<Record<Method, Handler>>;
}

const SAMPLES: Record<string, string> = {
  group: "churn-models",
  version: "1",
  name: "churn-train",
  id: "8a0d6f8e-2b7c-4c1e-9d55-0f3a1b2c3d4e",
  run: "run-1",
  key: "growth",
  username: "nobody-here",
};

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [p] : [];
  });
}

/** next-auth's own handler is not behind SageDeck's wrapper; it is covered by the auth tests. */
const EXCLUDED = new Set(["/api/auth/[...nextauth]"]);

export async function apiRoutes(root = path.resolve("app/api")): Promise<ApiRoute[]> {
  const out: ApiRoute[] = [];
  for (const file of routeFiles(root).sort()) {
    const rel = path.relative(path.resolve("app"), path.dirname(file)).split(path.sep);
    const pattern = `/${rel.join("/")}`;
    if (EXCLUDED.has(pattern)) continue;
    const params: Record<string, string> = {};
    const segments = rel.map((seg) => {
      const m = /^\[(.+)\]$/.exec(seg);
      if (!m?.[1]) return seg;
      const value = SAMPLES[m[1]] ?? "sample";
      params[m[1]] = value;
      return value;
    });
    const mod = (await import(/* @vite-ignore */ file)) as Partial<Record<Method, Handler>>;
    const handlers: Partial<Record<Method, Handler>> = {};
    for (const m of METHODS) if (typeof mod[m] === "function") handlers[m] = mod[m];
    out.push({ pattern, path: `/${segments.join("/")}`, params, handlers });
  }
  return out;
}

export const ORIGIN = "http://127.0.0.1";

/** A request as the dashboard's own pages send it: same origin, JSON, an Idempotency-Key. */
export function sameOriginRequest(
  method: Method,
  urlPath: string,
  body?: string,
  headers: Record<string, string> = {},
): Request {
  const mutating = MUTATING.includes(method);
  return new Request(`${ORIGIN}${urlPath}`, {
    method,
    headers: {
      ...(mutating
        ? {
            "content-type": "application/json",
            origin: ORIGIN,
            "sec-fetch-site": "same-origin",
            "idempotency-key": `sec-${Math.random().toString(36).slice(2, 12)}`,
          }
        : {}),
      ...headers,
    },
    body: mutating ? (body ?? "{}") : undefined,
  });
}

export function call(
  route: ApiRoute,
  method: Method,
  req: Request,
  params = route.params,
): Promise<Response> {
  const handler = route.handlers[method];
  if (!handler) throw new Error(`${route.pattern} has no ${method}`);
  return handler(req, { params: Promise.resolve(params) });
}
