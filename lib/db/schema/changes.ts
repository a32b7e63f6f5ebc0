/** The changes SageDeck makes, each an intent row written before SageMaker is called: decisions on model versions, pipeline run actions and registry grants. */
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** The id and times of an intent row (new builders per table). */
const intentTimes = () => ({
  id: text("id").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp("completed_at", { withTimezone: true }),
});

/** Who asked for a change, how to replay it, and where it stands: pending (intent written) | applied | failed. */
const intentOutcome = () => ({
  actor: text("actor").notNull(),
  actorName: text("actor_name").notNull(),
  actorRole: text("actor_role").notNull(),
  idempotencyKey: text("idempotency_key"),
  requestId: text("request_id"),
  state: text("state").notNull().default("pending"),
  outcome: text("outcome"),
});

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
    /**
     * The lease of whoever works on the in-flight decision (the live request, or the reconciler that took it
     * over): renewed every few seconds while it works (lib/approvals/lease.ts); the reconciler touches a
     * pending/deploying decision only once its lease has lapsed. Null on rows from before leases.
     */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** who holds the lease (a random token per holder) */
    leaseOwner: text("lease_owner"),
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

/** The deploy pipeline gate a decision answers (decisions.gate). */
export interface DecisionGate {
  pipeline: string;
  executionId: string;
  stage: string;
  action: string;
  token: string;
}

/**
 * A change SageDeck makes to a pipeline run (start, stop, retry), written as an intent BEFORE SageMaker is
 * called and completed with the outcome: a run SageDeck started is always attributed, even if the process dies
 * mid-call (the reconciler completes it from SageMaker with the same ClientRequestToken). "Who started this run"
 * is read from here, not from the audit log.
 */
export const pipelineRunActions = pgTable(
  "pipeline_run_actions",
  {
    ...intentTimes(),
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
    ...intentOutcome(),
  },
  (t) => [
    uniqueIndex("pipeline_run_actions_token").on(t.action, t.clientRequestToken),
    index("pipeline_run_actions_arn_idx").on(t.executionArn),
    index("pipeline_run_actions_actor_idx").on(t.actor, t.createdAt),
    index("pipeline_run_actions_state_idx").on(t.state),
  ],
);

/**
 * A change SageDeck makes to a model package group's resource policy ("Grant access": PutModelPackageGroupPolicy),
 * written as an intent BEFORE SageMaker is called and completed with the outcome and its audit row in one
 * transaction. A row left pending (the process died between the call and the outcome) is settled by the
 * reconciler, which re-reads the group's policy.
 */
export const registryGrants = pgTable(
  "registry_grants",
  {
    ...intentTimes(),
    groupName: text("group_name").notNull(),
    groupArn: text("group_arn").notNull(),
    /** the configured accounts the grant adds, by name and 12-digit id */
    accounts: jsonb("accounts").$type<{ name: string; accountId: string }[]>().notNull(),
    ...intentOutcome(),
  },
  (t) => [
    index("registry_grants_group_idx").on(t.groupName, t.createdAt),
    index("registry_grants_state_idx").on(t.state),
  ],
);

export type RegistryGrantRow = typeof registryGrants.$inferSelect;

export type DecisionRow = typeof decisions.$inferSelect;
export type PipelineRunActionRow = typeof pipelineRunActions.$inferSelect;
