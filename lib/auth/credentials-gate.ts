import { randomUUID } from "node:crypto";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { clientAddress } from "./client-address";
import { checkThrottle, SIGN_IN_UNAVAILABLE } from "./sign-in";

const CALLBACK = "/api/auth/callback/credentials";

async function formOf(req: Request): Promise<URLSearchParams> {
  const type = req.headers.get("content-type") ?? "";
  const text = await req.clone().text();
  if (type.includes("application/json")) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === "object") {
        const entries = Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string");
        return new URLSearchParams(entries);
      }
    } catch {
      // next-auth answers a body it cannot read itself
    }
    return new URLSearchParams();
  }
  return new URLSearchParams(text);
}

function answer(status: number, errorKey: string, code: string, message: string, headers: HeadersInit = {}) {
  const url = new URL("/login", getConfig().auth.url);
  url.searchParams.set("error", errorKey);
  // `url` is what next-auth's client reads; `error` is the app's error contract
  return Response.json(
    { url: url.toString(), error: { code, message } },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/**
 * Runs before next-auth on `POST /api/auth/callback/credentials`: a locked username or client address gets
 * 429 with Retry-After and a message, without the password being checked. Returns null to let next-auth
 * handle the request (wrong passwords are counted in `authorize`).
 */
export async function credentialsGate(req: Request): Promise<Response | null> {
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith(CALLBACK)) return null;
  const requestId = randomUUID();
  try {
    const form = await formOf(req);
    const refusal = await checkThrottle(await getDb(), {
      username: form.get("username"),
      address: clientAddress(req.headers, getConfig().auth.trustedProxyHops),
      requestId,
      now: new Date(),
    });
    if (!refusal) return null;
    return answer(429, "Throttled", "rate_limited", refusal.message, {
      "Retry-After": String(refusal.lock.retryAfterSeconds),
    });
  } catch (err) {
    console.error(`[auth] ${requestId} sign-in throttle could not be checked:`, err);
    return answer(
      503,
      SIGN_IN_UNAVAILABLE,
      "upstream_unavailable",
      `Sign-in is unavailable right now; try again in a minute (request ${requestId}).`,
    );
  }
}
