import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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
    /** While the first request runs it renews this lease; once it lapses (the process died) the key may be retried. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.key, t.actor, t.route] })],
);

/**
 * A decision on a model version (approve, reject, promote, rollback), written as an intent BEFORE SageMaker
 * is called, then marked applied or failed. `subject` + `seq` is the concurrency guard: two deciders who read
 * the same history insert the same `seq` and the unique index lets exactly one of them in (failed rows free it).
 */
export const decisions = pgTable(
  "decisions",
  {
    id: text("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** approve | reject | promote | rollback */
    action: text("action").notNull(),
    /** `approval:<arn>` or `stage:<group>:<Stage>`: what the guard serialises on. */
    subject: text("subject").notNull(),
    seq: integer("seq").notNull(),
    groupName: text("group_name").notNull(),
    version: integer("version").notNull(),
    modelPackageArn: text("model_package_arn").notNull(),
    /** Staging | Production for promote/rollback. */
    targetStage: text("target_stage"),
    /** The status the decider saw and expects to change (approval status or lifecycle stage). */
    expectedStatus: text("expected_status").notNull(),
    toStatus: text("to_status").notNull(),
    actor: text("actor").notNull(),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role").notNull(),
    reason: text("reason"),
    idempotencyKey: text("idempotency_key"),
    /** pending (intent written) | deploying (rollout under way) | applied | failed */
    state: text("state").notNull().default("pending"),
    outcome: text("outcome"),
    endpointName: text("endpoint_name"),
    endpointConfigName: text("endpoint_config_name"),
    /** The version the stage served before (for rollback and "what was live at T"). */
    previousArn: text("previous_arn"),
    /**
     * The configured account (lib/config accounts, by name) whose endpoint a promote/rollback deploys to; null
     * for approvals (the registry account) and for rows written before accounts existed (the home account).
     */
    account: text("account"),
    /**
     * A follow-up of an applied decision that did not go through, e.g. the production variant could not be
     * registered with Application Auto Scaling: shown on the decision, the decision itself stands.
     */
    warning: text("warning"),
    /**
     * For an answer to a deploy pipeline gate (actions gate-approve | gate-reject): the manual approval answered
     * (pipeline, execution, stage, action) and the token it was open with, so a crash can be reconciled.
     */
    gate: jsonb("gate").$type<DecisionGate>(),
  },
  (t) => [
    uniqueIndex("decisions_subject_seq_live")
      .on(t.subject, t.seq)
      .where(sql`${t.state} <> 'failed'`),
    index("decisions_arn_idx").on(t.modelPackageArn),
    index("decisions_group_idx").on(t.groupName, t.createdAt),
    index("decisions_state_idx").on(t.state),
  ],
);

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
 * A change SageDeck makes to a pipeline run (start, stop, retry), written as an intent BEFORE SageMaker is
 * called and completed with the outcome: a run SageDeck started is always attributed, even if the process dies
 * mid-call (the reconciler completes it from SageMaker with the same ClientRequestToken). "Who started this run"
 * is read from here, not from the audit log.
 */
export const pipelineRunActions = pgTable(
  "pipeline_run_actions",
  {
    id: text("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** start | stop | retry */
    action: text("action").notNull(),
    pipelineName: text("pipeline_name").notNull(),
    /** Known at once for stop/retry; for a start, filled in from SageMaker's answer. */
    executionArn: text("execution_arn"),
    clientRequestToken: text("client_request_token").notNull(),
    parameters: jsonb("parameters")
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    displayName: text("display_name"),
    /** a start that re-runs only some steps of a finished execution (SelectiveExecutionConfig) */
    selective: jsonb("selective").$type<{ sourceExecutionArn: string; steps: string[] }>(),
    description: text("description"),
    actor: text("actor").notNull(),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role").notNull(),
    idempotencyKey: text("idempotency_key"),
    requestId: text("request_id"),
    /** pending (intent written) | applied | failed */
    state: text("state").notNull().default("pending"),
    outcome: text("outcome"),
  },
  (t) => [
    uniqueIndex("pipeline_run_actions_token").on(t.action, t.clientRequestToken),
    index("pipeline_run_actions_arn_idx").on(t.executionArn),
    index("pipeline_run_actions_actor_idx").on(t.actor, t.createdAt),
    index("pipeline_run_actions_state_idx").on(t.state),
  ],
);

export type AuthSessionRow = typeof authSessions.$inferSelect;
export type PipelineRunActionRow = typeof pipelineRunActions.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
/** The deploy pipeline gate a decision answers (decisions.gate). */
export interface DecisionGate {
  pipeline: string;
  executionId: string;
  stage: string;
  action: string;
  token: string;
}
export type MaturitySnapshotRow = typeof maturitySnapshots.$inferSelect;
export type MaturityTargetRow = typeof maturityTargets.$inferSelect;
export type MaturityExemptionRow = typeof maturityExemptions.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

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

/**
 * A change SageDeck makes to a model package group's resource policy ("Grant access": PutModelPackageGroupPolicy),
 * written as an intent BEFORE SageMaker is called and completed with the outcome and its audit row in one
 * transaction. A row left pending (the process died between the call and the outcome) is settled by the
 * reconciler, which re-reads the group's policy.
 */
export const registryGrants = pgTable(
  "registry_grants",
  {
    id: text("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    groupName: text("group_name").notNull(),
    groupArn: text("group_arn").notNull(),
    /** the configured accounts the grant adds, by name and 12-digit id */
    accounts: jsonb("accounts").$type<{ name: string; accountId: string }[]>().notNull(),
    actor: text("actor").notNull(),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role").notNull(),
    idempotencyKey: text("idempotency_key"),
    requestId: text("request_id"),
    /** pending (intent written) | applied | failed */
    state: text("state").notNull().default("pending"),
    outcome: text("outcome"),
  },
  (t) => [
    index("registry_grants_group_idx").on(t.groupName, t.createdAt),
    index("registry_grants_state_idx").on(t.state),
  ],
);

export type RegistryGrantRow = typeof registryGrants.$inferSelect;
