import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "./client";
import { apiTokens, users, type ApiTokenRow, type UserRow } from "./schema";

/**
 * API token rows (lib/auth/tokens has the rules). Only the SHA-256 of a token is stored; a token is found by
 * that hash. Revoking keeps the row (the audit names it) and it never authenticates again.
 */
export interface NewApiToken {
  id: string;
  kind: "personal" | "service";
  name: string;
  owner: string;
  ownerProvider: "credentials" | "oidc";
  ownerVersion: number;
  tokenHash: string;
  hint: string;
  scopes: string[] | null;
  expiresAt: Date | null;
}

/** Inserts a token; false when a live token of that kind already has the name (for that owner). */
export async function insertApiToken(db: Db, row: NewApiToken): Promise<ApiTokenRow | undefined> {
  const rows = await db.insert(apiTokens).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export interface TokenWithOwner {
  token: ApiTokenRow;
  /** the owner's local account; undefined when it no longer exists or the owner signs in with OIDC */
  owner: UserRow | undefined;
}

/** The token with this hash and its owner's account, in one query. */
export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<TokenWithOwner | undefined> {
  const rows = await db
    .select({ token: apiTokens, owner: users })
    .from(apiTokens)
    .leftJoin(users, eq(users.username, apiTokens.owner))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  return {
    token: row.token,
    owner: row.token.ownerProvider === "credentials" ? (row.owner ?? undefined) : undefined,
  };
}

/** Live (not revoked) tokens of one kind, optionally of one owner, oldest first. */
export function listApiTokens(db: Db, kind: "personal" | "service", owner?: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.kind, kind),
        isNull(apiTokens.revokedAt),
        owner ? eq(apiTokens.owner, owner) : undefined,
      ),
    )
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
}

/** Revokes a live token of `kind` (and `owner`, when given); the row, or undefined when there is none. */
export async function revokeApiToken(
  db: Db,
  args: { id: string; kind: "personal" | "service"; owner?: string; by: string; now?: Date },
): Promise<ApiTokenRow | undefined> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: args.now ?? new Date(), revokedBy: args.by })
    .where(
      and(
        eq(apiTokens.id, args.id),
        eq(apiTokens.kind, args.kind),
        isNull(apiTokens.revokedAt),
        args.owner ? eq(apiTokens.owner, args.owner) : undefined,
      ),
    )
    .returning();
  return rows[0];
}

/** Notes a use; writes at most once a minute per token so busy automation does not write on every call. */
export async function touchApiToken(db: Db, id: string, now = new Date()): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}
