import { actingVia, type TokenRef } from "@/lib/audit/via-token";
import type { Db } from "@/lib/db/client";
import { findApiTokenByHash, touchApiToken, type TokenWithOwner } from "@/lib/db/api-tokens";
import { activeLock, ADDRESS_POLICY, recordFailure } from "@/lib/db/sign-in-throttle";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { can, PERMISSION_LABELS, PERMISSIONS, type Permission } from "../permissions";
import { isRole, type Role } from "../roles";
import type { SessionUser } from "../types";
import { hashToken, looksLikeToken, sameHash } from "./secret";

/** Where people manage their tokens (said in 401 messages). */
export const TOKENS_PAGE = "/account/tokens";

/** The throttle key of failed token attempts from one client address (the sign-in throttle's table). */
export const tokenThrottleKey = (address: string) => `token-addr:${address}`;

const isPermission = (p: string): p is Permission => Object.hasOwn(PERMISSIONS, p);

function refOf({ token }: TokenWithOwner): TokenRef {
  const kind = token.kind === "service" ? "service" : "personal";
  return { id: token.id, name: token.name, kind, owner: token.owner };
}

/** Why a known token may not act now, or its owner's current role. Pure. */
export function judgeToken(found: TokenWithOwner, now: Date): { role: Role } | { refused: string } {
  const { token, owner } = found;
  const what = `This API token (${token.name})`;
  if (token.revokedAt) return { refused: `${what} was revoked; create a new one at ${TOKENS_PAGE}.` };
  if (token.expiresAt && token.expiresAt <= now) {
    return {
      refused: `${what} expired at ${token.expiresAt.toISOString()}; create a new one at ${TOKENS_PAGE}.`,
    };
  }
  // a service token created by a single-sign-on admin: the scope alone limits it (SSO roles are known only at sign-in)
  if (token.ownerProvider !== "credentials") {
    return token.kind === "service" ? { role: "admin" } : { refused: `${what} has no local owner account.` };
  }
  if (!owner) return { refused: `${what} belongs to ${token.owner}, whose account no longer exists.` };
  if (owner.disabled) return { refused: `${what} belongs to ${token.owner}, whose account is disabled.` };
  if (token.kind === "personal" && owner.sessionVersion !== token.ownerVersion) {
    return {
      refused: `${what} stopped working when ${token.owner}'s password changed or the account was disabled.`,
    };
  }
  if (!isRole(owner.role)) return { refused: `${what} belongs to ${token.owner}, who has no role.` };
  return { role: owner.role };
}

/**
 * The user an `Authorization: Bearer` token acts as, or 401 with the reason (429 while this client address is
 * locked out after many unknown tokens: the sign-in throttle's policy for addresses). A personal token is its
 * owner with the owner's CURRENT role; a service token acts under its own name (`svc:<name>`) with its scope.
 * Unknown or malformed tokens count as failures for the address; revoked or expired ones (a real secret, just
 * stale) do not, so one forgotten CI job cannot lock out an office.
 */
export async function userFromBearer(
  db: Db,
  bearer: string,
  address: string,
  now = new Date(),
): Promise<SessionUser> {
  const key = tokenThrottleKey(address);
  const lock = await activeLock(db, [key], now);
  if (lock) {
    throw new RateLimitedError(
      `Too many requests with unknown API tokens came from your address; try again in ${lock.retryAfterSeconds} s.`,
      lock.retryAfterSeconds,
    );
  }
  const hash = looksLikeToken(bearer) ? hashToken(bearer) : null;
  const found = hash ? await findApiTokenByHash(db, hash) : undefined;
  if (!hash || !found || !sameHash(found.token.tokenHash, hash)) {
    await recordFailure(db, key, ADDRESS_POLICY, now);
    throw new UnauthorizedError(
      hash
        ? `This API token is not known; check that it was copied whole, or create one at ${TOKENS_PAGE}.`
        : "Send a SageDeck API token: Authorization: Bearer sdk_pat_… (or sdk_svc_…).",
    );
  }
  const ref = refOf(found);
  actingVia(ref); // from here on, audit rows of this request (refusals too) name the token
  const verdict = judgeToken(found, now);
  if ("refused" in verdict) throw new UnauthorizedError(verdict.refused);
  await touchApiToken(db, found.token.id, now);
  const { token, owner } = found;
  if (token.kind === "service") {
    const scopes = (token.scopes ?? []).filter(isPermission);
    const name = `${token.name} (service token)`;
    const provider = token.ownerProvider === "oidc" ? "oidc" : "credentials";
    return {
      id: `token:${token.id}`,
      username: `svc:${token.name}`,
      name,
      role: verdict.role,
      provider,
      token: ref,
      scopes,
    };
  }
  if (!owner) throw new UnauthorizedError(`This API token (${token.name}) has no owner account.`);
  return {
    id: String(owner.id),
    username: owner.username,
    name: owner.name,
    role: verdict.role,
    provider: "credentials",
    token: ref,
  };
}

/** Why `user` may not use `permission` (their role, or a service token's scope), or null when they may. */
export function permissionRefusal(user: SessionUser, permission: Permission): string | null {
  if (!can(user.role, permission)) {
    const who =
      user.token?.kind === "service"
        ? `This token's owner (${user.token.owner}, ${user.role})`
        : `Your role (${user.role})`;
    return `${who} may not ${PERMISSION_LABELS[permission]}. Ask an admin if you need it.`;
  }
  if (user.scopes && !user.scopes.includes(permission)) {
    const scope = user.scopes.length > 0 ? user.scopes.join(", ") : "nothing";
    return `This service token's scope (${scope}) does not include "${permission}" (${PERMISSION_LABELS[permission]}); ask an admin for a token with it.`;
  }
  return null;
}
