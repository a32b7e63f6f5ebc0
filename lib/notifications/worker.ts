import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  notificationChannels,
  notificationOutbox,
  type NotificationChannelRow,
  type NotificationOutboxRow,
} from "@/lib/db/schema";
import { log } from "@/lib/log";
import { ensurePeriodic } from "@/lib/periodic";
import { deliverRow } from "./deliver";
import { backoffMs, claimDue, claimOne, markFailed, markSent } from "./outbox";
import { watchForNotifications } from "./watch";

export interface WorkerOptions {
  /** rows claimed per round (default 20) */
  batch?: number;
  /** how long a claimed row stays with its worker before another may retry it (default 60 s) */
  leaseMs?: number;
  /** after this many failed attempts a delivery is dead (default 15: backoff ≥ 70 min in all, ~2.3 h at most) */
  maxAttempts?: number;
  /** first retry delay (default 10 s) and the cap (default 15 min) of the exponential backoff */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** per request (default 10 s) */
  timeoutMs?: number;
  /** rounds per pass at most (default 10), so a backlog drains without one pass running forever */
  rounds?: number;
}

export interface WorkerReport {
  sent: number;
  retried: number;
  dead: number;
}

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

function settings(opts: WorkerOptions): Required<WorkerOptions> {
  return {
    batch: opts.batch ?? 20,
    leaseMs: opts.leaseMs ?? 60_000,
    maxAttempts: opts.maxAttempts ?? num("NOTIFY_MAX_ATTEMPTS", 15),
    baseDelayMs: opts.baseDelayMs ?? num("NOTIFY_RETRY_BASE_MS", 10_000),
    maxDelayMs: opts.maxDelayMs ?? num("NOTIFY_RETRY_MAX_MS", 15 * 60_000),
    timeoutMs: opts.timeoutMs ?? 10_000,
    rounds: opts.rounds ?? 10,
  };
}

async function sendAndSettle(
  db: Db,
  row: NotificationOutboxRow,
  channel: NotificationChannelRow | undefined,
  s: Required<WorkerOptions>,
  report: WorkerReport,
): Promise<void> {
  if (channel && !channel.enabled) {
    // an admin turned the channel off: what was already queued for it is not sent behind their back
    const error = `Not sent: the channel "${channel.name}" is disabled. Enable it, then use Send again.`;
    if (await markFailed(db, row, { code: null, error, dead: true, delayMs: 0 })) report.dead += 1;
    return;
  }
  const result = await deliverRow(row, channel, { timeoutMs: s.timeoutMs });
  if (result.ok) {
    if (await markSent(db, row, result.code)) report.sent += 1;
    return;
  }
  const dead = row.attempts >= s.maxAttempts;
  const delayMs = backoffMs(row.attempts, s.baseDelayMs, s.maxDelayMs);
  const error = result.error ?? "failed";
  if (!(await markFailed(db, row, { code: result.code, error, dead, delayMs }))) return;
  if (dead) {
    report.dead += 1;
    log("warn", `[notifications] delivery ${row.id} is dead after ${row.attempts} attempts: ${error}`);
  } else report.retried += 1;
}

/**
 * Sends one pending row now (send a test, send again) instead of waiting for the next pass; the outcome is
 * recorded like every other attempt's. Undefined when the row was not pending and due (a worker has it).
 */
export async function deliverNow(
  db: Db,
  id: string,
  options: WorkerOptions = {},
): Promise<NotificationOutboxRow | undefined> {
  const s = settings(options);
  const row = await claimOne(db, id, { leaseMs: s.leaseMs, token: randomUUID() });
  if (!row) return undefined;
  const [channel] = row.channelId
    ? await db.select().from(notificationChannels).where(eq(notificationChannels.id, row.channelId))
    : [];
  await sendAndSettle(db, row, channel, s, { sent: 0, retried: 0, dead: 0 });
  const [after] = await db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id));
  return after;
}

/**
 * One worker pass: claim due rows (outbox.ts), send each, and record the outcome — sent, or due again after an
 * exponential backoff with jitter, or dead after `maxAttempts`. Safe to run in several processes at once.
 */
export async function deliverDue(db: Db, options: WorkerOptions = {}): Promise<WorkerReport> {
  const s = settings(options);
  const report: WorkerReport = { sent: 0, retried: 0, dead: 0 };
  for (let round = 0; round < s.rounds; round++) {
    const rows = await claimDue(db, { limit: s.batch, leaseMs: s.leaseMs, token: randomUUID() });
    if (rows.length === 0) break;
    const ids = [...new Set(rows.map((r) => r.channelId).filter((id): id is string => id !== null))];
    const channels = ids.length
      ? new Map(
          (await db.select().from(notificationChannels).where(inArray(notificationChannels.id, ids))).map(
            (c) => [c.id, c],
          ),
        )
      : new Map<string, NotificationChannelRow>();
    await Promise.all(
      rows.map((row) => sendAndSettle(db, row, channels.get(row.channelId ?? ""), s, report)),
    );
  }
  return report;
}

/** Starts the delivery worker in this process (instrumentation.ts): a pass every `everyMs`. */
export function ensureNotificationWorker(everyMs = num("NOTIFY_POLL_MS", 5_000)): void {
  ensurePeriodic("notifications", everyMs, (db) => deliverDue(db));
}

/** Starts the approvals watcher (watch.ts) in this process: a pass every `everyMs` (default a minute). */
export function ensureNotificationWatcher(everyMs = num("NOTIFY_WATCH_MS", 60_000)): void {
  ensurePeriodic("notification watcher", everyMs, (db) => watchForNotifications(db));
}

/** Both background parts of notifications (instrumentation.ts): the delivery worker and the watcher. */
export function startNotifications(): void {
  ensureNotificationWorker();
  ensureNotificationWatcher();
}
