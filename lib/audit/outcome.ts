/**
 * An audit event's outcome, stored as `ok` | `failed` | `refused`, and the one word each is shown as — in the
 * table, the filter and the CSV alike ("applied" for a change that took effect).
 */
export const AUDIT_OUTCOMES = ["ok", "failed", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const LABELS: Record<AuditOutcome, string> = { ok: "applied", failed: "failed", refused: "refused" };

export function isAuditOutcome(v: unknown): v is AuditOutcome {
  return typeof v === "string" && (AUDIT_OUTCOMES as readonly string[]).includes(v);
}

export function outcomeLabel(outcome: string): string {
  return isAuditOutcome(outcome) ? LABELS[outcome] : outcome;
}
