import type { Db } from "@/lib/db/client";
import { findSession, type SessionWithUser } from "@/lib/db/sessions";
import { isRole, type Role } from "./roles";

/** How long one process trusts a session check: a revocation or role change shows within this time. */
export const SESSION_CHECK_TTL_MS = 2_000;

export type SessionVerdict =
  | { ok: true; role: Role | null; name: string | null }
  | {
      ok: false;
      reason:
        "unknown" | "revoked" | "expired" | "account gone" | "disabled" | "signed out everywhere" | "no role";
    };

/** Decides whether a session row (and its account) still allows requests at `now`. Pure. */
export function judgeSession(found: SessionWithUser | undefined, now: number): SessionVerdict {
  if (!found) return { ok: false, reason: "unknown" };
  const { session, user } = found;
  if (session.revokedAt) return { ok: false, reason: "revoked" };
  if (session.expiresAt.getTime() <= now) return { ok: false, reason: "expired" };
  if (session.provider !== "credentials") return { ok: true, role: null, name: null };
  if (!user) return { ok: false, reason: "account gone" };
  if (user.disabled) return { ok: false, reason: "disabled" };
  if (user.sessionVersion !== session.userVersion) return { ok: false, reason: "signed out everywhere" };
  if (!isRole(user.role)) return { ok: false, reason: "no role" };
  return { ok: true, role: user.role, name: user.name };
}

interface Entry {
  at: number;
  verdict: Promise<SessionVerdict>;
}

/**
 * Checks sessions against the database, remembering each answer for `ttlMs` in this process (so a page that
 * resolves the session several times costs one query). Every replica reads the same rows, so a revocation
 * anywhere applies everywhere within `ttlMs`.
 */
export class SessionChecker {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly db: () => Promise<Db>,
    private readonly ttlMs = SESSION_CHECK_TTL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  check(sid: string): Promise<SessionVerdict> {
    const now = this.clock();
    const hit = this.cache.get(sid);
    if (hit && now - hit.at < this.ttlMs) return hit.verdict;
    if (this.cache.size > 10_000) this.cache.clear();
    const verdict = this.db()
      .then((db) => findSession(db, sid))
      .then((found) => judgeSession(found, now));
    this.cache.set(sid, { at: now, verdict });
    verdict.catch(() => this.cache.delete(sid)); // a database error is not remembered
    return verdict;
  }

  /** Drops the remembered answer (this process just revoked the session). */
  forget(sid: string): void {
    this.cache.delete(sid);
  }
}
