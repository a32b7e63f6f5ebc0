import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "./client";
import { authSessions, users, type AuthSessionRow, type UserRow } from "./schema";

/**
 * Sign-in sessions. The JWT cookie carries only the row id (`sid`); the row decides whether the session is
 * still alive (not revoked, not expired) and, for local accounts, `user_version` must equal
 * `users.session_version` (a password change or disable bumps it, ending every session of that user).
 */
export interface NewSession {
  username: string;
  provider: "credentials" | "oidc";
  userVersion: number;
  expiresAt: Date;
}

export async function createSession(db: Db, input: NewSession): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.insert(authSessions).values({ id, ...input });
  return id;
}

export interface SessionWithUser {
  session: AuthSessionRow;
  /** the local account (credentials sessions), undefined when it no longer exists or for OIDC */
  user: UserRow | undefined;
}

/** The session row and its local account in one query; undefined when the id is unknown. */
export async function findSession(db: Db, id: string): Promise<SessionWithUser | undefined> {
  const rows = await db
    .select({ session: authSessions, user: users })
    .from(authSessions)
    .leftJoin(users, eq(users.username, authSessions.username))
    .where(eq(authSessions.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  return {
    session: row.session,
    user: row.session.provider === "credentials" ? (row.user ?? undefined) : undefined,
  };
}

/** Revokes one session (sign-out); a session already revoked keeps its first reason. */
export async function revokeSession(db: Db, id: string, reason: string, now = new Date()): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.id, id), isNull(authSessions.revokedAt)));
}

/** Revokes every live session of a user (password change, disable); returns how many. */
export async function revokeUserSessions(
  db: Db,
  username: string,
  reason: string,
  now = new Date(),
): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.username, username), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Deletes sessions that expired more than a day ago. */
export async function pruneSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(authSessions).where(lt(authSessions.expiresAt, new Date(now.getTime() - 86_400_000)));
}
