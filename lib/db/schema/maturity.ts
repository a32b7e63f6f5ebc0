/** Maturity: snapshots over time, targets and exemptions. */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** One check's result in a maturity snapshot. */
export interface SnapshotCheck {
  status: string;
  exempt?: boolean;
}

/** One KPI's figures in a maturity snapshot. */
export interface SnapshotKpi {
  value: number | null;
  p90?: number | null;
  n: number;
  approx: boolean;
}

/**
 * A solution's (or the organisation's, `solution_key` = "*") maturity at a point in time: the phase, score, every
 * check's status and every KPI. Written by the scheduled collector and on demand; read for trends. Append-only.
 */
export const maturitySnapshots = pgTable(
  "maturity_snapshots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    /** solution key, or "*" for the organisation */
    solutionKey: text("solution_key").notNull(),
    solutionName: text("solution_name").notNull(),
    /** null: not even Initial (always null for the organisation row) */
    phase: text("phase"),
    provisional: boolean("provisional").notNull().default(false),
    /** 0–100 (null for the organisation row) */
    score: integer("score"),
    /** 0–100 toward the next phase (null for the organisation row) */
    progress: integer("progress"),
    checks: jsonb("checks")
      .$type<Record<string, SnapshotCheck>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    kpis: jsonb("kpis")
      .$type<Record<string, SnapshotKpi>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** scheduled | manual | demo (seeded demo history) */
    source: text("source").notNull(),
  },
  (t) => [index("maturity_snapshots_key_at_idx").on(t.solutionKey, t.takenAt)],
);

/**
 * Targets managers set: the approval service level and the lead-time target, for the organisation
 * (`solution_key` = "*") or overridden for one solution. Changes are audited.
 */
export const maturityTargets = pgTable("maturity_targets", {
  solutionKey: text("solution_key").primaryKey(),
  approvalSlaHours: doublePrecision("approval_sla_hours"),
  leadTimeTargetHours: doublePrecision("lead_time_target_hours"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
});

/**
 * An exemption from one check for one solution, with a reason and an expiry. At most one open (not revoked)
 * exemption per solution and check: a new grant first closes an expired one (revoked_by "system:expired").
 */
export const maturityExemptions = pgTable(
  "maturity_exemptions",
  {
    id: text("id").primaryKey(),
    solutionKey: text("solution_key").notNull(),
    checkId: text("check_id").notNull(),
    reason: text("reason").notNull(),
    grantedBy: text("granted_by").notNull(),
    grantedByName: text("granted_by_name").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
  },
  (t) => [
    uniqueIndex("maturity_exemptions_open")
      .on(t.solutionKey, t.checkId)
      .where(sql`${t.revokedAt} is null`),
    index("maturity_exemptions_key_idx").on(t.solutionKey),
  ],
);

export type MaturitySnapshotRow = typeof maturitySnapshots.$inferSelect;
export type MaturityTargetRow = typeof maturityTargets.$inferSelect;
export type MaturityExemptionRow = typeof maturityExemptions.$inferSelect;
