/** Calls API routes the two ways a client can: as the dashboard (cookie session, same origin) or with a token. */
import { callRoute, type Handler } from "@/tests/helpers/route-call";
import { apiRequest } from "@/tests/helpers/api-request";

export const tokensRoute = await import("@/app/api/me/tokens/route");
export const tokenRoute = await import("@/app/api/me/tokens/[id]/route");
export const serviceTokensRoute = await import("@/app/api/service-tokens/route");
export const serviceTokenRoute = await import("@/app/api/service-tokens/[id]/route");
export const meRoute = await import("@/app/api/me/route");
export const targetsRoute = await import("@/app/api/maturity/targets/route");

/** A request the way the dashboard's pages send it (the mocked cookie session decides who it is). */
export function asDashboard(
  handler: Handler,
  method: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
): Promise<Response> {
  return callRoute(handler, apiRequest(method, path, body), params);
}

/**
 * A request as automation sends it: `Authorization: Bearer`, JSON, and no Origin, Sec-Fetch-Site or cookie
 * (curl, a CI job). `address` is the client's address (X-Forwarded-For, as the proxy would set it).
 */
export function withToken(
  handler: Handler,
  token: string,
  method: string,
  path: string,
  options: { body?: unknown; address?: string; params?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.address) headers["x-forwarded-for"] = options.address;
  const req = new Request(`http://127.0.0.1${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return callRoute(handler, req, options.params ?? {});
}

export const TARGETS = { approvalSlaHours: 24, leadTimeTargetHours: 72 };
