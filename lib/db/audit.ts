import { desc } from "drizzle-orm";
import type { AuditAction } from "@/lib/audit/actions";
import { currentToken } from "@/lib/audit/via-token";
import type { Db } from "./client";
import { auditEvents, type AuditEventRow } from "./schema";

export interface AuditEventInput {
  actor: string;
  actorRole: string;
  action: AuditAction;
  target: string;
  outcome?: "ok" | "failed" | "refused";
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Writes one audit row; inside a request made with an API token, `details.viaToken` names the token. */
export async function recordAudit(db: Db, event: AuditEventInput): Promise<void> {
  const via = currentToken();
  const details = { ...(event.details ?? {}), ...(via ? { viaToken: via } : {}) };
  await db.insert(auditEvents).values({ ...event, outcome: event.outcome ?? "ok", details });
}

export function listAuditEvents(db: Db, limit = 100): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit);
}
