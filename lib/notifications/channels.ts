import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/db/audit";
import { notificationChannels, type NotificationChannelRow } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { VerbContext } from "@/lib/verb-context";
import { targetProblem, type ChannelInput, type ChannelKind, type ChannelPatch } from "./schemas";

/** A channel as the page and the API show it: never its secret. Times are epoch ms. */
export interface ChannelItem {
  id: string;
  name: string;
  kind: ChannelKind;
  target: string;
  signed: boolean;
  eventTypes: string[];
  groupFilter: string | null;
  solutionFilter: string | null;
  enabled: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export function toChannelItem(r: NotificationChannelRow): ChannelItem {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as ChannelKind,
    target: r.target,
    signed: r.secret !== null,
    eventTypes: r.eventTypes,
    groupFilter: r.groupFilter,
    solutionFilter: r.solutionFilter,
    enabled: r.enabled,
    createdBy: r.createdBy,
    createdAt: r.createdAt.getTime(),
    updatedAt: r.updatedAt.getTime(),
  };
}

const audit =
  (ctx: VerbContext, action: "notifications.channel.create" | "notifications.channel.update") =>
  (row: NotificationChannelRow, details: Record<string, unknown>) =>
    recordAudit(ctx.db, {
      actor: ctx.user.username,
      actorRole: ctx.user.role,
      action,
      target: `notification-channel/${row.id}`,
      details: { name: row.name, kind: row.kind, ...details },
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });

export async function listChannels(ctx: Pick<VerbContext, "db">): Promise<ChannelItem[]> {
  const rows = await ctx.db.select().from(notificationChannels).orderBy(asc(notificationChannels.createdAt));
  return rows.map(toChannelItem);
}

/**
 * Adds a channel (admin), audited in the same transaction. A webhook gets a signing secret, answered this once
 * (receivers verify X-SageDeck-Signature with it); Slack and Teams URLs carry their own secret, e-mail needs none.
 */
export async function createChannel(
  ctx: VerbContext,
  input: ChannelInput,
): Promise<{ channel: ChannelItem; secret: string | null }> {
  const secret = input.kind === "webhook" ? `whsec_${randomBytes(24).toString("hex")}` : null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notificationChannels)
      .values({
        id: randomUUID(),
        name: input.name,
        kind: input.kind,
        target: input.target,
        secret,
        eventTypes: input.eventTypes,
        groupFilter: input.groupFilter ?? null,
        solutionFilter: input.solutionFilter ?? null,
        enabled: input.enabled ?? true,
        createdBy: ctx.user.username,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await audit({ ...ctx, db: tx }, "notifications.channel.create")(row, {
      target: row.target,
      eventTypes: row.eventTypes,
      groupFilter: row.groupFilter,
      solutionFilter: row.solutionFilter,
    });
    return { channel: toChannelItem(row), secret };
  });
}

/** Edits or enables/disables a channel (admin), audited with what changed. */
export async function updateChannel(ctx: VerbContext, id: string, patch: ChannelPatch): Promise<ChannelItem> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(notificationChannels).where(eq(notificationChannels.id, id));
    if (!before) throw new NotFoundError(`No notification channel ${id}; it may have been removed. Reload.`);
    if (patch.target !== undefined) {
      const problem = targetProblem(before.kind as ChannelKind, patch.target);
      if (problem) throw new ValidationError(`body.target: ${problem}`);
    }
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const [row] = await tx
      .update(notificationChannels)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(notificationChannels.id, id))
      .returning();
    if (!row) throw new NotFoundError(`No notification channel ${id}; it may have been removed. Reload.`);
    await audit({ ...ctx, db: tx }, "notifications.channel.update")(row, { changes });
    return toChannelItem(row);
  });
}
