import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import type { UserRow } from "@/lib/db/schema";
import {
  activeLock,
  ADDRESS_POLICY,
  claimRefusalReport,
  clearFailures,
  pruneThrottle,
  recordFailure,
  USER_POLICY,
  type Lock,
} from "@/lib/db/sign-in-throttle";
import { authenticate } from "@/lib/db/users";
import { metrics } from "@/lib/metrics/registry";
import { signInPassword, signInUsername } from "./sign-in-input";

/** The error code next-auth puts in the sign-in URL when the database failed (never the error itself). */
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";

export const userKey = (username: string) => `user:${username}`;
export const addressKey = (address: string) => `addr:${address}`;

export interface Attempt {
  /** as typed; checked here before any query */
  username: unknown;
  password?: unknown;
  address: string;
  requestId: string;
  now: Date;
}

export interface Refusal {
  lock: Lock;
  message: string;
}

// A flood of distinct usernames from distinct addresses is not bounded by the per-key throttle: cap the
// sign-in rows this process writes per minute as well.
const AUDIT_PER_MINUTE = 120;
const auditWindow = { minute: 0, written: 0 };

async function audit(db: Db, a: Attempt, outcome: "failed" | "refused", details: Record<string, unknown>) {
  const minute = Math.floor(a.now.getTime() / 60_000);
  if (auditWindow.minute !== minute) Object.assign(auditWindow, { minute, written: 0 });
  if (auditWindow.written >= AUDIT_PER_MINUTE) return;
  auditWindow.written++;
  const username = signInUsername(a.username);
  await recordAudit(db, {
    actor: username ?? "anonymous",
    actorRole: "none",
    action: "auth.sign_in",
    target: `user/${username ?? "(invalid username)"}`,
    outcome,
    details: { provider: "credentials", address: a.address, ...details }, // never the password
    requestId: a.requestId,
  });
}

/**
 * Before the password is looked at: is the username or the client address locked? A locked attempt is
 * refused whatever the password; the first refusal of each lock goes on the record.
 */
export async function checkThrottle(db: Db, a: Attempt): Promise<Refusal | null> {
  const username = signInUsername(a.username);
  const keys = [addressKey(a.address), ...(username ? [userKey(username)] : [])];
  const lock = await activeLock(db, keys, a.now);
  if (!lock) return null;
  metrics().signIns.inc({ reason: "throttled" });
  const forUser = lock.key.startsWith("user:");
  const message = `Too many failed sign-ins ${forUser ? "for this account" : "from your network"}; try again in ${lock.retryAfterSeconds} s.`;
  if (await claimRefusalReport(db, lock.key, forUser ? USER_POLICY : ADDRESS_POLICY, a.now)) {
    await audit(db, a, "refused", {
      reason: "throttled",
      key: lock.key,
      lockedUntil: lock.until.toISOString(),
    });
  }
  return { lock, message };
}

/**
 * Checks the password. The attempt counts against the username BEFORE the password is looked at (atomically, in
 * the database), so a burst of simultaneous guesses cannot all slip past the lock check: once one of them locks
 * the username, the others are refused unchecked. A success clears the
 * username's counter; a failure also counts against the address (and may lock it) and goes on the record.
 * Invalid usernames never reach the users table.
 */
export async function verifyCredentials(db: Db, a: Attempt): Promise<UserRow | null> {
  const username = signInUsername(a.username);
  const password = signInPassword(a.password);
  const byUser = username ? await recordFailure(db, userKey(username), USER_POLICY, a.now) : null;
  if (byUser?.wasLocked) {
    metrics().signIns.inc({ reason: "throttled" });
    await audit(db, a, "refused", {
      reason: "throttled",
      key: userKey(username ?? ""),
      failures: byUser.failures,
    });
    return null;
  }
  const user = username && password ? await authenticate(db, username, password) : null;
  if (user) {
    await clearFailures(db, userKey(user.username));
    return user;
  }
  metrics().signIns.inc({ reason: "failed" });
  const byAddress = await recordFailure(db, addressKey(a.address), ADDRESS_POLICY, a.now);
  await audit(db, a, "failed", {
    reason: username ? "wrong username or password, or disabled" : "invalid username",
    failures: byUser?.failures ?? byAddress.failures,
    ...(byUser?.lockedUntil ? { lockedUntil: byUser.lockedUntil.toISOString() } : {}),
  });
  if (byAddress.failures === 1) await pruneThrottle(db, a.now); // a new address: tidy old ones
  return null;
}
