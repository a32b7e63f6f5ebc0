import type { AuditParams } from "@/lib/query-options/audit";
import { parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { AUDIT_OUTCOMES, type AuditOutcome } from "@/lib/audit/outcome";

/** URL state of the audit page, shared by the server prefetch and the client. */
export const auditSearchParams = {
  actor: parseAsString,
  action: parseAsString,
  group: parseAsString,
  outcome: parseAsStringLiteral(AUDIT_OUTCOMES),
  from: parseAsString,
  to: parseAsString,
  page: parseAsInteger.withDefault(1),
  at: parseAsString,
  /** "outside": changes SageMaker reports that no SageDeck decision made, instead of SageDeck's events */
  source: parseAsStringLiteral(["outside"] as const),
};

/** The parsed URL state → API parameters (nulls dropped). */
export function toAuditParams(p: {
  actor: string | null;
  action: string | null;
  group: string | null;
  outcome: AuditOutcome | null;
  from: string | null;
  to: string | null;
  page: number;
}): AuditParams {
  return {
    actor: p.actor ?? undefined,
    action: p.action ?? undefined,
    group: p.group ?? undefined,
    outcome: p.outcome ?? undefined,
    from: p.from ?? undefined,
    to: p.to ?? undefined,
    page: p.page,
  };
}
