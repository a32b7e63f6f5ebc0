import { createHash } from "node:crypto";
import { decode, type JWT } from "next-auth/jwt";
import { isRole } from "./roles";
import type { SessionUser } from "./types";

/**
 * The session cookie's JWT, decrypted once per cookie value (issue 18: next-auth's getServerSession derived the
 * key with HKDF and decrypted, then re-encrypted the token, on every page and API request — ~2 ms of CPU each).
 * A cookie value's content never changes, so remembering what it decrypts to is safe; whether the session is
 * still alive is NOT remembered here: the `auth_sessions` row decides on every request (session-check.ts, ≤ 2 s).
 * Entries live until the token's own `exp`; a value that does not decrypt is never remembered.
 */
const MAX_ENTRIES = 5_000;
const decoded = new Map<string, { token: Readonly<JWT>; until: number }>();

/** next-auth's cookie name: `__Secure-` prefixed when the dashboard's origin is https (as next-auth decides). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** Whether next-auth uses secure cookies for a request (its detectOrigin: NEXTAUTH_URL, else trusted host). */
export function usesSecureCookies(forwardedProto: string | null): boolean {
  const url = process.env.NEXTAUTH_URL;
  if (url) return url.startsWith("https://");
  if (process.env.VERCEL ?? process.env.AUTH_TRUST_HOST) return forwardedProto !== "http";
  return false;
}

/** The session cookie's value, joining next-auth's chunks (`name.0`, `name.1`, …) when it was split. */
export function sessionCookieValue(all: { name: string; value: string }[], name: string): string | null {
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value || null;
  const chunks = all
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : null;
}

/** The token inside a session cookie value, or null (not ours, tampered, or past its `exp`). */
export async function decodeSessionToken(raw: string, secret: string, now = Date.now()): Promise<JWT | null> {
  const key = createHash("sha256").update(secret).update("\0").update(raw).digest("base64url");
  const hit = decoded.get(key);
  if (hit) {
    if (now < hit.until) return hit.token;
    decoded.delete(key);
    return null;
  }
  let token: JWT | null;
  try {
    token = await decode({ token: raw, secret });
  } catch {
    return null;
  }
  const until = typeof token?.exp === "number" ? token.exp * 1000 : 0;
  if (!token || until <= now) return null;
  if (decoded.size >= MAX_ENTRIES) decoded.clear();
  const frozen = Object.freeze(token);
  decoded.set(key, { token: frozen, until });
  return frozen;
}

/** What the session carries about its user, from a checked token (null: no role, i.e. signed out). */
export function sessionUserOf(token: JWT): SessionUser | null {
  if (!isRole(token.role)) return null;
  return {
    id: token.provider === "oidc" ? `oidc:${token.sub ?? ""}` : (token.sub ?? ""),
    username: token.username ?? token.sub ?? "",
    name: token.name ?? token.username ?? "",
    role: token.role,
    provider: token.provider ?? "credentials",
  };
}
