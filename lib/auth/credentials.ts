import { randomUUID } from "node:crypto";
import type { User } from "next-auth";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { clientAddress } from "./client-address";
import { checkThrottle, SIGN_IN_UNAVAILABLE, verifyCredentials } from "./sign-in";

type Headers = Record<string, string | string[] | undefined>;

/**
 * next-auth's `authorize` for local accounts. Locked usernames/addresses are refused before the password is
 * checked (the route normally answers 429 before this runs). Any database error is logged here with a request
 * id and reported as SIGN_IN_UNAVAILABLE: next-auth would otherwise put the error message — the failing SQL —
 * into the sign-in URL.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Headers | undefined,
): Promise<User | null> {
  const requestId = randomUUID();
  try {
    const attempt = {
      username: credentials?.username,
      password: credentials?.password,
      address: clientAddress(headers ?? {}, getConfig().auth.trustedProxyHops),
      requestId,
      now: new Date(),
    };
    const db = await getDb();
    if (await checkThrottle(db, attempt)) return null;
    const user = await verifyCredentials(db, attempt);
    if (!user) return null;
    return {
      id: String(user.id),
      name: user.name,
      username: user.username,
      role: user.role as User["role"],
      sessionVersion: user.sessionVersion,
    };
  } catch (err) {
    console.error(`[auth] ${requestId} sign-in could not be checked:`, err);
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}
