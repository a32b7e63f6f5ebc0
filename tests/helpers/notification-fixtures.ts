/** Shared set-up of the notification tests: a decision to finish, and a webhook channel. */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { decisionAudit } from "@/lib/approvals/audit";
import type { Db } from "@/lib/db/client";
import { finishDecision, insertIntent } from "@/lib/db/decisions";
import { notificationOutbox } from "@/lib/db/schema";
import { createChannel } from "@/lib/notifications/channels";
import type { ChannelInput } from "@/lib/notifications/schemas";
import { sessionUser } from "./session-user";

export const ada = sessionUser("ada", "admin", "Ada Admin");

/** Writes an approval intent for `group` v`version` and finishes it applied (outcome, audit row, outbox). */
export async function applyDecision(db: Db, group: string, version: number) {
  const arn = `arn:aws:sagemaker:us-east-1:123456789012:model-package/${group}/${version}`;
  const intent = await insertIntent(db, {
    id: randomUUID(),
    action: "approve",
    subject: `approval:${arn}`,
    groupName: group,
    version,
    modelPackageArn: arn,
    expectedStatus: "PendingManualApproval",
    toStatus: "Approved",
    actor: "alex",
    actorName: "Alex Approver",
    actorRole: "approver",
    reason: "AUC beats production",
  });
  return finishDecision(db, intent.id, ["pending"], "applied", "Approved in SageMaker", decisionAudit());
}

export async function webhookChannel(db: Db, url: string, extra: Partial<ChannelInput> = {}) {
  return createChannel(
    { db, user: ada },
    {
      kind: "webhook",
      name: "ci",
      target: url,
      eventTypes: ["decision.applied", "version.waiting"],
      ...extra,
    },
  );
}

export async function outboxRows(db: Db, eventId?: string) {
  const q = db.select().from(notificationOutbox);
  return eventId ? q.where(eq(notificationOutbox.eventId, eventId)) : q;
}
