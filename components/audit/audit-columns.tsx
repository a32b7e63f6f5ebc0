import { StatusBadge } from "@/components/models/approval-badge";
import type { DataColumn } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { AuditItem } from "@/lib/audit/log";
import { outcomeLabel } from "@/lib/audit/outcome";

/** SageDeck's record: who, what, when, from → to, reason and outcome. */
export const AUDIT_COLUMNS: DataColumn<AuditItem>[] = [
  { id: "when", header: "When", nowrap: true, cell: (e) => <TimeAgo at={e.at} /> },
  {
    id: "who",
    header: "Who",
    cell: (e) => (
      <>
        {e.actor} <span className="text-slate-500">({e.actorRole})</span>
        {e.via ? <span className="block text-xs text-slate-500">via {e.via}</span> : null}
      </>
    ),
  },
  { id: "action", header: "Action", className: "font-mono text-xs", cell: (e) => e.action },
  { id: "target", header: "Target", className: "break-all", cell: (e) => e.target },
  {
    id: "fromTo",
    header: "From → to",
    cell: (e) => (e.from || e.to ? `${e.from ?? "?"} → ${e.to ?? "?"}` : "—"),
  },
  { id: "reason", header: "Reason", cell: (e) => e.reason ?? "" },
  {
    id: "outcome",
    header: "Outcome",
    cell: (e) => <StatusBadge status={outcomeLabel(e.outcome)} />,
    cellProps: (e) => ({ title: e.message }),
  },
];
