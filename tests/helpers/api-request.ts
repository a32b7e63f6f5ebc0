/**
 * A request as the dashboard's own pages send it: JSON with the dashboard's Origin (the route wrapper refuses
 * mutating requests without both, see lib/api/csrf.ts).
 */
export function apiRequest(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Request {
  const full = url.startsWith("http") ? url : `http://127.0.0.1${url}`;
  return new Request(full, {
    method,
    headers: { "content-type": "application/json", origin: new URL(full).origin, ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}
