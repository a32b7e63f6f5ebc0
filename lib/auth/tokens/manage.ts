import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { insertApiToken, listApiTokens, revokeApiToken } from "@/lib/db/api-tokens";
import type { ApiTokenRow } from "@/lib/db/schema";
import { findUser } from "@/lib/db/users";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { VerbContext } from "@/lib/verb-context";
import { PERMISSIONS, type Permission } from "../permissions";
import { newSecret, type TokenKind } from "./secret";

export const TokenName = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]{1,39}$/,
    "Use 2-40 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.",
  );

const ExpiresInDays = z.number().int().min(1).max(366).nullable().optional();

export const PersonalTokenInput = z.object({ name: TokenName, expiresInDays: ExpiresInDays }).strict();
export type PersonalTokenInput = z.infer<typeof PersonalTokenInput>;

const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];
export const ServiceTokenInput = z
  .object({
    name: TokenName,
    expiresInDays: ExpiresInDays,
    scopes: z.array(z.enum(PERMISSION_NAMES)).min(1, "Give the token at least one permission.").max(20),
  })
  .strict();
export type ServiceTokenInput = z.infer<typeof ServiceTokenInput>;

export const TokenParams = z.object({ id: z.string().uuid("Not a token id.") });

/** A token as the pages and the API list it: never its secret or hash. Times are epoch ms. */
export interface TokenItem {
  id: string;
  kind: TokenKind;
  name: string;
  owner: string;
  hint: string;
  scopes: string[] | null;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

export function toTokenItem(row: ApiTokenRow): TokenItem {
  return {
    id: row.id,
    kind: row.kind === "service" ? "service" : "personal",
    name: row.name,
    owner: row.owner,
    hint: row.hint,
    scopes: row.scopes,
    createdAt: row.createdAt.getTime(),
    expiresAt: row.expiresAt?.getTime() ?? null,
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  };
}

/** A new token: the secret (shown once, never stored) and the item. */
export interface CreatedToken {
  token: string;
  item: TokenItem;
}

function refuseTokenCallers(ctx: VerbContext): void {
  if (ctx.user.token) {
    throw new ForbiddenError("An API token cannot create or revoke tokens; do that in the dashboard.");
  }
}

const expiry = (days: number | null | undefined, now: Date) =>
  days ? new Date(now.getTime() + days * 86_400_000) : null;

async function create(
  ctx: VerbContext,
  kind: TokenKind,
  input: { name: string; expiresInDays?: number | null | undefined; scopes?: Permission[] },
  owner: { provider: "credentials" | "oidc"; version: number },
): Promise<CreatedToken> {
  const secret = newSecret(kind);
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      id: randomUUID(),
      kind,
      name: input.name,
      owner: ctx.user.username,
      ownerProvider: owner.provider,
      ownerVersion: owner.version,
      tokenHash: secret.hash,
      hint: secret.hint,
      scopes: input.scopes ?? null,
      expiresAt: expiry(input.expiresInDays, now),
    });
    if (!row) {
      throw new ConflictError(
        kind === "service"
          ? `A service token named "${input.name}" already exists; pick another name or revoke it first.`
          : `You already have a token named "${input.name}"; pick another name or revoke it first.`,
      );
    }
    const item = toTokenItem(row);
    await recordAudit(tx, {
      actor: ctx.user.username,
      actorRole: ctx.user.role,
      action: "token.create",
      target: `token/${row.id}`,
      details: { name: row.name, kind, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
    return { token: secret.token, item };
  });
}

/**
 * A personal token for the signed-in person: it acts with their role as it is at each request, and stops when
 * their account is disabled or their password changes. Only local accounts: a single-sign-on role is known only
 * at sign-in, so a token could not follow it (an admin can create a service token instead).
 */
export async function createPersonalToken(
  ctx: VerbContext,
  input: PersonalTokenInput,
): Promise<CreatedToken> {
  refuseTokenCallers(ctx);
  const account = ctx.user.provider === "credentials" ? await findUser(ctx.db, ctx.user.username) : undefined;
  if (!account) {
    throw new ForbiddenError(
      "Personal API tokens need a SageDeck account (username and password sign-in); ask an admin for a service token.",
    );
  }
  return create(ctx, "personal", input, { provider: "credentials", version: account.sessionVersion });
}

/** A service token (admin): acts as `svc:<name>` with `scopes`, and only while its creator may do the same. */
export async function createServiceToken(ctx: VerbContext, input: ServiceTokenInput): Promise<CreatedToken> {
  refuseTokenCallers(ctx);
  return create(ctx, "service", input, { provider: ctx.user.provider, version: 0 });
}

export async function listTokens(ctx: VerbContext, kind: TokenKind): Promise<TokenItem[]> {
  const rows = await listApiTokens(ctx.db, kind, kind === "personal" ? ctx.user.username : undefined);
  return rows.map(toTokenItem);
}

/** Revokes a personal token of the signed-in person, or (admin) any service token; audited with it. */
export async function revokeToken(ctx: VerbContext, kind: TokenKind, id: string): Promise<TokenItem> {
  refuseTokenCallers(ctx);
  return ctx.db.transaction(async (tx) => {
    const owner = kind === "personal" ? ctx.user.username : undefined;
    const row = await revokeApiToken(tx, { id, kind, by: ctx.user.username, ...(owner ? { owner } : {}) });
    if (!row) throw new NotFoundError(`No live ${kind} token with id ${id}; it may be revoked already.`);
    await recordAudit(tx, {
      actor: ctx.user.username,
      actorRole: ctx.user.role,
      action: "token.revoke",
      target: `token/${row.id}`,
      details: { name: row.name, kind, owner: row.owner },
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
    return toTokenItem(row);
  });
}
