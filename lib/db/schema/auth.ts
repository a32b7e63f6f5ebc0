/** Who may sign in and act: local accounts, signed-in sessions, the sign-in throttle and API tokens. */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Local accounts (credentials sign-in). OIDC users are not stored here. */
export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  username: text("username").notNull().unique(),
  name: text("name").notNull(),
  /** `scrypt$N$r$p$salt$hash` (see lib/auth/password.ts); never a plain password. */
  passwordHash: text("password_hash").notNull(),
  role: text("role").notNull(),
  disabled: boolean("disabled").notNull().default(false),
  /** Bumped by a password change, disable or role change: sessions issued before it stop working. */
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One signed-in session (credentials or OIDC). The session cookie carries its id; every request checks that the
 * row is not revoked (sign-out revokes it) and, for local accounts, that the user's session version is unchanged.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    provider: text("provider").notNull(),
    /** users.session_version when the session was issued (local accounts; 0 for OIDC). */
    userVersion: integer("user_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("auth_sessions_username_idx").on(t.username)],
);

/**
 * Failed sign-ins per key (`user:<name>` or `ip:<address>`), shared by every replica: after a few failures
 * the key is locked with a growing backoff (`locked_until`); a success clears the user's key.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * API tokens (`Authorization: Bearer`): personal tokens act as their owner with the owner's current role; service
 * tokens (admin-created) act under their own name, limited to `scopes` (and to what their owner may still do).
 * Only the SHA-256 of the secret is stored; the secret is shown once at creation.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    /** personal | service */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** personal: the owner; service: the admin who created it (a username) */
    owner: text("owner").notNull(),
    /** credentials | oidc: whether the owner's account can be checked on every request */
    ownerProvider: text("owner_provider").notNull(),
    /** users.session_version at creation (personal tokens of local accounts): a disable or new password ends them */
    ownerVersion: integer("owner_version").notNull().default(0),
    /** hex SHA-256 of the whole token */
    tokenHash: text("token_hash").notNull(),
    /** the start of the token (`sdk_pat_AbCd`), so people can tell their tokens apart; not a secret */
    hint: text("hint").notNull(),
    /** service tokens: the permissions they carry; null for personal tokens (the owner's role decides) */
    scopes: jsonb("scopes").$type<string[]>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash").on(t.tokenHash),
    // a live token's name is unique: per owner for personal tokens, across service tokens (they act by name)
    uniqueIndex("api_tokens_live_name")
      .on(t.kind, t.owner, t.name)
      .where(sql`${t.revokedAt} is null and ${t.kind} = 'personal'`),
    uniqueIndex("api_tokens_live_service_name")
      .on(t.name)
      .where(sql`${t.revokedAt} is null and ${t.kind} = 'service'`),
    index("api_tokens_owner_idx").on(t.owner),
  ],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export type UserRow = typeof users.$inferSelect;
export type AuthSessionRow = typeof authSessions.$inferSelect;
