import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** What a token acts as: its owner (personal) or its own name with scoped permissions (service). */
export type TokenKind = "personal" | "service";

export const TOKEN_PREFIX: Record<TokenKind, string> = { personal: "sdk_pat_", service: "sdk_svc_" };

/** 32 random bytes (256 bits) as base64url: 43 characters after the prefix. */
const SECRET_BYTES = 32;
const TOKEN_SHAPE = /^sdk_(pat|svc)_[A-Za-z0-9_-]{43}$/;

export interface NewSecret {
  /** the whole token, shown once */
  token: string;
  /** hex SHA-256 of the token: the only thing stored */
  hash: string;
  /** the prefix and the first four characters of the secret, to tell tokens apart */
  hint: string;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newSecret(kind: TokenKind): NewSecret {
  const token = `${TOKEN_PREFIX[kind]}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { token, hash: hashToken(token), hint: token.slice(0, TOKEN_PREFIX[kind].length + 4) };
}

/** True when `token` looks like a SageDeck token (cheap check before any database work). */
export function looksLikeToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Compares two hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * The token of an `Authorization: Bearer <token>` header, "" for a Bearer header without a usable token, or
 * null when the request carries no bearer credentials at all (then cookies decide).
 */
export function bearerOf(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (value === null) return null;
  const m = /^\s*bearer(?:\s+(\S*))?\s*$/i.exec(value);
  if (!m) return /^\s*bearer\b/i.test(value) ? "" : null;
  return m[1] ?? "";
}
