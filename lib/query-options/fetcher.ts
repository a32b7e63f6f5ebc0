/** Thrown by client fetchers, built from the API's `{ error: { code, message } }` body. */
export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

function isErrorBody(v: unknown): v is { error: { code: string; message: string } } {
  if (typeof v !== "object" || v === null || !("error" in v)) return false;
  const e = v.error;
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The shared JSON fetcher for react-query; every client request goes through it. Changes are always sent as
 * JSON (the API refuses other content types as cross-site request forgery; the browser adds Origin).
 */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const mutating = MUTATING.has((init?.method ?? "GET").toUpperCase());
  const headers = new Headers(init?.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  if (mutating) headers.set("Content-Type", "application/json");
  const res = await fetch(input, { ...init, headers });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isErrorBody(body)) throw new FetchError(res.status, body.error.code, body.error.message);
    throw new FetchError(res.status, "http_error", `The server answered ${res.status}; try again.`);
  }
  return body as T;
}
