import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getAuthOptions } from "./options";
import { checkToken } from "./session-events";
import {
  decodeSessionToken,
  sessionCookieName,
  sessionCookieValue,
  sessionUserOf,
  usesSecureCookies,
} from "./session-token";
import type { SessionUser } from "./types";

/**
 * The signed-in user of the current request, or null. Memoised per request. What next-auth's getServerSession
 * answers, without its per-request decrypt-and-re-encrypt: the cookie's token is decrypted once per value
 * (session-token.ts) and the session row is checked as before (`checkToken`: revoked, expired, disabled or
 * outdated sessions count as signed out within SESSION_CHECK_TTL_MS, on every replica).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  const name = sessionCookieName(usesSecureCookies(hdrs.get("x-forwarded-proto")));
  const raw = sessionCookieValue(jar.getAll(), name);
  if (!raw) return null;
  const secret = getAuthOptions().secret ?? process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? "";
  const token = await decodeSessionToken(raw, secret);
  return token ? sessionUserOf(await checkToken(token)) : null;
});
