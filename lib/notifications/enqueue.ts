import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { notificationChannels, notificationOutbox, notificationPreferences } from "@/lib/db/schema";
import type { NotificationChannelRow } from "@/lib/db/schema";
import type { NotificationEvent } from "./events";

function channelWants(c: NotificationChannelRow, e: NotificationEvent): boolean {
  if (!c.enabled || !c.eventTypes.includes(e.type)) return false;
  if (c.groupFilter && c.groupFilter !== e.group) return false;
  if (c.solutionFilter && c.solutionFilter !== e.solution) return false;
  return true;
}

/**
 * Writes the outbox rows of `event` — one per enabled channel that takes it, one per recipient whose
 * preferences ask for it — with `tx`, the transaction of the event's cause, so the notification exists exactly
 * when its cause does. An event already enqueued (same id and destination) is left as it is. Returns the rows
 * written.
 */
export async function enqueueNotifications(tx: Db, event: NotificationEvent): Promise<number> {
  const channels = (
    await tx.select().from(notificationChannels).where(eq(notificationChannels.enabled, true))
  ).filter((c) => channelWants(c, event));
  const people = event.recipients?.length
    ? (
        await tx
          .select()
          .from(notificationPreferences)
          .where(inArray(notificationPreferences.username, event.recipients))
      ).filter((p) => p.email && p.eventTypes.includes(event.type))
    : [];
  const payload = { ...event } as unknown as Record<string, unknown>;
  delete payload.recipients;
  const rows = [
    ...channels.map((c) => ({ channelId: c.id, destination: `channel:${c.id}`, recipient: null })),
    ...people.map((p) => ({ channelId: null, destination: `user:${p.username}`, recipient: p.email })),
  ].map((d) => ({ id: randomUUID(), eventId: event.id, eventType: event.type, payload, ...d }));
  if (rows.length === 0) return 0;
  const written = await tx
    .insert(notificationOutbox)
    .values(rows)
    .onConflictDoNothing({ target: [notificationOutbox.eventId, notificationOutbox.destination] })
    .returning({ id: notificationOutbox.id });
  return written.length;
}
