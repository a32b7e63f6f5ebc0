import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { organisationApprovalSla } from "@/lib/db/maturity-targets";
import type { Db } from "@/lib/db/client";
import {
  maturityExemptions,
  notificationChannels,
  notificationOutbox,
  notificationPreferences,
  users,
} from "@/lib/db/schema";
import { maturityRoutes, modelRoutes } from "@/lib/routes";
import { describeModelVersion, listModelVersions } from "@/lib/sagemaker/registry/reads";
import type { ModelVersion } from "@/lib/sagemaker/registry/types";
import { enqueueNotifications } from "./enqueue";
import type { EventType, NotificationEvent } from "./events";
import { watchRuns } from "./run-watch";

const DEFAULT_SLA_HOURS = 48;
/** "about to be missed": three quarters of the service level have passed */
const SLA_WARNING_SHARE = 0.75;
/** "about to expire": an exemption within this many days of its expiry */
const EXEMPTION_WARNING_DAYS = 3;

export interface WatchReport {
  waiting: number;
  slaWarning: number;
  slaMissed: number;
  exemptionExpiring: number;
  /** runs started in SageDeck newly seen failed (run-watch.ts) */
  runFailed: number;
}

/** The event types someone listens to (an enabled channel or a person's preferences). */
async function subscribed(db: Db): Promise<Set<string>> {
  const channels = await db
    .select({ t: notificationChannels.eventTypes })
    .from(notificationChannels)
    .where(eq(notificationChannels.enabled, true));
  const people = await db.select({ t: notificationPreferences.eventTypes }).from(notificationPreferences);
  return new Set([...channels, ...people].flatMap((r) => r.t));
}

/** Approvers and admins with a local account: who receives approval requests personally (by preference). */
async function approvers(db: Db): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.disabled, false), inArray(users.role, ["approver", "admin"])));
  return rows.map((r) => r.username);
}

async function waitingVersions(): Promise<ModelVersion[]> {
  const out: ModelVersion[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const p = await listModelVersions({
      status: "PendingManualApproval",
      order: "Ascending",
      limit: 100,
      cursor,
    });
    out.push(...p.items);
    cursor = p.cursor;
    if (!cursor) break;
  }
  return out;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3));
const hours = (ms: number) => Math.floor(ms / 3_600_000);

async function waitingEvent(
  { v, type, id }: { v: ModelVersion; type: EventType; id: string },
  ctx: { now: number; slaHours: number; recipients: string[] },
): Promise<NotificationEvent> {
  const detail = await describeModelVersion(v.arn).catch(() => undefined);
  const metrics = Object.entries(detail?.metrics ?? {}).slice(0, 6);
  const waited = hours(ctx.now - (v.createdAt ?? ctx.now));
  const what = `${v.group} v${v.version}`;
  const title =
    type === "version.waiting"
      ? `${what} is waiting for approval`
      : type === "approval.sla_missed"
        ? `${what} missed its ${ctx.slaHours} h approval service level`
        : `${what} is about to miss its ${ctx.slaHours} h approval service level`;
  const summary = [
    detail?.registeredBy ? `Registered by ${detail.registeredBy}.` : null,
    metrics.length ? `Metrics: ${metrics.map(([k, n]) => `${k} ${fmt(n)}`).join(", ")}.` : null,
    `Waiting ${waited} h of ${ctx.slaHours} h.`,
    detail?.description ?? v.description ?? null,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    type,
    occurredAt: new Date(ctx.now).toISOString(),
    title,
    summary,
    path: modelRoutes.version(v.group, v.version),
    group: v.group,
    recipients: ctx.recipients,
    data: {
      arn: v.arn,
      group: v.group,
      version: v.version,
      registeredAt: v.createdAt ? new Date(v.createdAt).toISOString() : null,
      registeredBy: detail?.registeredBy ?? null,
      metrics: Object.fromEntries(metrics),
      waitingHours: waited,
      slaHours: ctx.slaHours,
    },
  };
}

/**
 * One pass of the approvals watcher: a version newly seen in PendingManualApproval is enqueued as
 * `version.waiting` (with its evidence: who registered it, its metrics, the link to its page), one past three
 * quarters of the approval service level as `approval.sla_warning`, one past it as `approval.sla_missed`, an
 * exemption within three days of its expiry as `exemption.expiring`, a run started in SageDeck newly seen failed as
 * `run.failed` (run-watch.ts). Each event's id names its cause, so passes (and replicas) enqueue it once. Reads
 * SageMaker only when someone listens to the events it would read for.
 */
export async function watchForNotifications(db: Db, opts: { now?: number } = {}): Promise<WatchReport> {
  const now = opts.now ?? Date.now();
  const report: WatchReport = { waiting: 0, slaWarning: 0, slaMissed: 0, exemptionExpiring: 0, runFailed: 0 };
  const types = await subscribed(db);
  if (types.has("exemption.expiring")) report.exemptionExpiring = await watchExemptions(db, now);
  if (types.has("run.failed")) report.runFailed = await watchRuns(db, now);
  const approvalTypes = (["version.waiting", "approval.sla_warning", "approval.sla_missed"] as const).filter(
    (t) => types.has(t),
  );
  if (approvalTypes.length === 0) return report;
  const slaHours = (await organisationApprovalSla(db)) ?? DEFAULT_SLA_HOURS;
  const versions = await waitingVersions();
  const ctx = { now, slaHours, recipients: await approvers(db) };
  const due: { v: ModelVersion; type: EventType; id: string }[] = [];
  for (const v of versions) {
    const age = now - (v.createdAt ?? now);
    const sla = slaHours * 3_600_000;
    if (approvalTypes.includes("version.waiting"))
      due.push({ v, type: "version.waiting", id: `version-waiting:${v.arn}` });
    if (age > sla && approvalTypes.includes("approval.sla_missed"))
      due.push({ v, type: "approval.sla_missed", id: `sla-missed:${v.arn}` });
    else if (age > sla * SLA_WARNING_SHARE && approvalTypes.includes("approval.sla_warning"))
      due.push({ v, type: "approval.sla_warning", id: `sla-warning:${v.arn}` });
  }
  if (due.length === 0) return report;
  // events already in the outbox are not built again (no SageMaker read for them)
  const known = new Set(
    (
      await db
        .selectDistinct({ id: notificationOutbox.eventId })
        .from(notificationOutbox)
        .where(
          inArray(
            notificationOutbox.eventId,
            due.map((d) => d.id),
          ),
        )
    ).map((r) => r.id),
  );
  for (const d of due.filter((x) => !known.has(x.id))) {
    const event = await waitingEvent(d, ctx);
    const written = await db.transaction((tx) => enqueueNotifications(tx, event));
    if (written === 0) continue;
    if (d.type === "version.waiting") report.waiting += 1;
    else if (d.type === "approval.sla_missed") report.slaMissed += 1;
    else report.slaWarning += 1;
  }
  return report;
}

async function watchExemptions(db: Db, now: number): Promise<number> {
  const soon = await db
    .select()
    .from(maturityExemptions)
    .where(
      and(
        isNull(maturityExemptions.revokedAt),
        gt(maturityExemptions.expiresAt, new Date(now)),
        lte(maturityExemptions.expiresAt, new Date(now + EXEMPTION_WARNING_DAYS * 86_400_000)),
      ),
    );
  let n = 0;
  for (const x of soon) {
    const event: NotificationEvent = {
      id: `exemption-expiring:${x.id}`,
      type: "exemption.expiring",
      occurredAt: new Date(now).toISOString(),
      title: `The exemption of ${x.solutionKey} from ${x.checkId} expires ${x.expiresAt.toISOString().slice(0, 10)}`,
      summary: `Granted by ${x.grantedByName}: ${x.reason}. Renew it or fix the check before it expires.`,
      path: maturityRoutes.solution(x.solutionKey),
      solution: x.solutionKey,
      recipients: [x.grantedBy],
      data: {
        exemptionId: x.id,
        solution: x.solutionKey,
        check: x.checkId,
        expiresAt: x.expiresAt.toISOString(),
      },
    };
    n += await db.transaction((tx) => enqueueNotifications(tx, event));
  }
  return n;
}
