import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
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
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Who did what, when, to which resource. Append-only. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    target: text("target").notNull(),
    outcome: text("outcome").notNull().default("ok"),
    details: jsonb("details")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    requestId: text("request_id"),
  },
  (t) => [index("audit_events_at_idx").on(t.at), index("audit_events_target_idx").on(t.target)],
);

/** A request sent twice with the same Idempotency-Key takes effect once; the stored response is replayed. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    actor: text("actor").notNull(),
    route: text("route").notNull(),
    requestHash: text("request_hash").notNull(),
    /** null while the first request is still running. */
    status: integer("status"),
    response: jsonb("response").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.actor, t.route] })],
);

export type UserRow = typeof users.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
