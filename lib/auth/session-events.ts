import type { JWT } from "next-auth/jwt";
import type { Account, User } from "next-auth";
import { getDb } from "@/lib/db";
import { createSession, pruneSessions, revokeSession } from "@/lib/db/sessions";
import { SessionChecker } from "./session-check";

/** Sessions live at most this long (the JWT cookie too); the database row is the authority. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

const globalForChecker = globalThis as unknown as { sagedeckSessionChecker?: SessionChecker };
export const sessionChecker = (globalForChecker.sagedeckSessionChecker ??= new SessionChecker(getDb));

let lastPrune = 0;

/** On sign-in: a session row whose id goes into the JWT (and, once an hour, long-expired rows go). */
export async function startSession(token: JWT, user: User, account: Account | null): Promise<JWT> {
  const db = await getDb();
  if (Date.now() - lastPrune > 3_600_000) {
    lastPrune = Date.now();
    await pruneSessions(db);
  }
  const provider = account?.provider === "credentials" ? "credentials" : "oidc";
  const username = user.username ?? user.email ?? user.id;
  const sid = await createSession(db, {
    username,
    provider,
    userVersion: provider === "credentials" ? (user.sessionVersion ?? 0) : 0,
    expiresAt: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
  });
  return { ...token, sid, role: user.role, username, provider };
}

/**
 * Every later request: the session row decides. A revoked, expired or outdated session loses its role (the
 * request then counts as signed out); a local account's current role and name apply.
 */
export async function checkToken(token: JWT): Promise<JWT> {
  const verdict = token.sid ? await sessionChecker.check(token.sid) : null;
  if (!verdict?.ok) {
    const { role: _role, ...rest } = token;
    return rest;
  }
  return verdict.role ? { ...token, role: verdict.role, name: verdict.name ?? token.name } : token;
}

/** Sign-out revokes the session row, so a copy of the cookie stops working too. */
export async function endSession(token: JWT | null): Promise<void> {
  if (!token?.sid) return;
  await revokeSession(await getDb(), token.sid, "signed out");
  sessionChecker.forget(token.sid);
}
