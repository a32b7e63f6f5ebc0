import { randomUUID } from "node:crypto";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/db/audit";
import { notificationChannels, notificationOutbox as o, type NotificationOutboxRow } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { VerbContext } from "@/lib/verb-context";
import { requeue } from "./outbox";
import type { DeliveryQuery } from "./schemas";
import { deliverNow } from "./worker";

/** A delivery as the admin page lists it. Times are epoch ms. */
export interface DeliveryItem {
  id: string;
  eventId: string;
  eventType: string;
  title: string;
  channelId: string | null;
  channelName: string | null;
  recipient: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: number;
  lastResponseCode: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface DeliveryPage {
  items: DeliveryItem[];
  total: number;
  page: number;
  pageSize: number;
}

function toItem(r: NotificationOutboxRow, channelName: string | null): DeliveryItem {
  return {
    id: r.id,
    eventId: r.eventId,
    eventType: r.eventType,
    title: typeof r.payload.title === "string" ? r.payload.title : r.eventType,
    channelId: r.channelId,
    channelName,
    recipient: r.recipient,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.getTime(),
    lastResponseCode: r.lastResponseCode,
    lastError: r.lastError,
    createdAt: r.createdAt.getTime(),
    sentAt: r.sentAt?.getTime() ?? null,
  };
}

/** Deliveries, newest first, one page, filtered by status and channel (server-side). */
export async function listDeliveries(ctx: Pick<VerbContext, "db">, q: DeliveryQuery): Promise<DeliveryPage> {
  const conditions: SQL[] = [];
  if (q.status) conditions.push(eq(o.status, q.status));
  if (q.channel) conditions.push(eq(o.channelId, q.channel));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ row: o, channelName: notificationChannels.name })
      .from(o)
      .leftJoin(notificationChannels, eq(notificationChannels.id, o.channelId))
      .where(where)
      .orderBy(desc(o.createdAt), desc(o.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(o).where(where),
  ]);
  return {
    items: rows.map((r) => toItem(r.row, r.channelName)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const auditRow = (ctx: VerbContext, action: "notifications.channel.test" | "notifications.delivery.resend") =>
  ({
    actor: ctx.user.username,
    actorRole: ctx.user.role,
    action,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  }) as const;

/** The delivery after one immediate attempt (or as it is, when a worker holds it). */
async function attemptNow(ctx: VerbContext, id: string): Promise<DeliveryItem> {
  const row = (await deliverNow(ctx.db, id)) ?? (await ctx.db.select().from(o).where(eq(o.id, id)))[0];
  if (!row) throw new NotFoundError(`No delivery ${id}.`);
  const [channel] = row.channelId
    ? await ctx.db.select().from(notificationChannels).where(eq(notificationChannels.id, row.channelId))
    : [];
  return toItem(row, channel?.name ?? null);
}

/**
 * "Send again" (admin): the delivery goes back to pending with a fresh retry budget, audited, and is attempted
 * at once; if that attempt fails the worker retries it like every other delivery. Same delivery id: receivers deduplicate.
 */
export async function resendDelivery(ctx: VerbContext, id: string): Promise<DeliveryItem> {
  await ctx.db.transaction(async (tx) => {
    const row = await requeue(tx, id);
    if (!row) throw new NotFoundError(`No delivery ${id}; reload the list.`);
    await recordAudit(tx, {
      ...auditRow(ctx, "notifications.delivery.resend"),
      target: `notification-delivery/${id}`,
      details: { eventId: row.eventId, eventType: row.eventType, channelId: row.channelId },
    });
  });
  return attemptNow(ctx, id);
}

/** "Send test" (admin): a test message to the channel, recorded as a delivery and attempted at once. */
export async function sendTest(ctx: VerbContext, channelId: string): Promise<DeliveryItem> {
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [channel] = await tx
      .select()
      .from(notificationChannels)
      .where(eq(notificationChannels.id, channelId));
    if (!channel) throw new NotFoundError(`No notification channel ${channelId}; reload the list.`);
    await tx.insert(o).values({
      id,
      eventId: `test:${id}`,
      eventType: "test",
      payload: {
        id: `test:${id}`,
        type: "test",
        occurredAt: new Date().toISOString(),
        title: `Test message from SageDeck to “${channel.name}”`,
        summary: `${ctx.user.name} sent this test. Real notifications look like this one.`,
        path: "/settings/notifications",
        data: {},
      },
      channelId,
      destination: `channel:${channelId}`,
    });
    await recordAudit(tx, {
      ...auditRow(ctx, "notifications.channel.test"),
      target: `notification-channel/${channelId}`,
      details: { name: channel.name, kind: channel.kind, deliveryId: id },
    });
  });
  return attemptNow(ctx, id);
}
