import type { AuditParams } from "@/lib/query-options/audit";
// #nuqs-parsers (package.json "imports"): nuqs/server in server components, nuqs in the browser, where
// nuqs/server put a second copy of nuqs' internals in the first-load JS (issue 18)
import { parseAsInteger, parseAsString, parseAsStringLiteral } from "#nuqs-parsers";
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
