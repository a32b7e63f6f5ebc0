/** Notifications: channels, personal preferences and the outbox. */
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Where notifications go (admin-configured, issue 21): an outgoing webhook (`webhook`: signed JSON; `slack` and
 * `teams`: their incoming-webhook formats) or an e-mail address (`email`). A channel receives the event types it
 * lists, optionally only for one model group or solution.
 */
export const notificationChannels = pgTable("notification_channels", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** webhook | slack | teams | email */
  kind: text("kind").notNull(),
  /** the webhook URL, or the e-mail address */
  target: text("target").notNull(),
  /** HMAC-SHA256 key of webhook signatures (never shown again after creation) */
  secret: text("secret"),
  eventTypes: jsonb("event_types").$type<string[]>().notNull(),
  groupFilter: text("group_filter"),
  solutionFilter: text("solution_filter"),
  enabled: boolean("enabled").notNull().default(true),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What a person receives personally, by e-mail (their approvals, their runs); one row per user. */
export const notificationPreferences = pgTable("notification_preferences", {
  username: text("username").primaryKey(),
  email: text("email"),
  eventTypes: jsonb("event_types").$type<string[]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outbox: one row per (event, destination), written in the same transaction as the event's cause and
 * delivered at least once by lib/notifications/worker.ts. `id` is the delivery id receivers deduplicate on
 * (X-SageDeck-Delivery); `next_attempt_at` doubles as the claim lease (a claimed row is not due again until
 * the lease lapses, so a worker that died mid-send leaves it to be retried).
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: text("id").primaryKey(),
    /** the event's idempotency id (e.g. `decision:<id>:applied`): one row per event and destination */
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** a channel id, or null for a personal e-mail (`recipient`) */
    channelId: text("channel_id"),
    /** `channel:<id>` or `user:<username>`: the destination, unique per event */
    destination: text("destination").notNull(),
    recipient: text("recipient"),
    /** pending | sent | dead */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimToken: text("claim_token"),
    lastResponseCode: integer("last_response_code"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_outbox_event_destination").on(t.eventId, t.destination),
    index("notification_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("notification_outbox_created_idx").on(t.createdAt),
  ],
);

/**
 * What the notification watcher knows about the runs SageDeck started or retried (one row per start/retry action,
 * written when it saw the execution finished): a run seen finished is not read from SageMaker again, and a failed
 * one was enqueued as `run.failed` in the transaction that wrote this row.
 */
export const notificationRunWatch = pgTable("notification_run_watch", {
  /** the pipeline_run_actions row (a start or a retry) whose outcome this is */
  runActionId: text("run_action_id").primaryKey(),
  executionArn: text("execution_arn").notNull(),
  /** Succeeded | Failed | Stopped, or Gone when SageMaker no longer knows the execution */
  status: text("status").notNull(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});

export type NotificationChannelRow = typeof notificationChannels.$inferSelect;
export type NotificationPreferenceRow = typeof notificationPreferences.$inferSelect;
export type NotificationOutboxRow = typeof notificationOutbox.$inferSelect;
