import Link from "next/link";
import { StatusBadge } from "@/components/models/approval-badge";
import { outsideLabel } from "@/components/models/outside-change";
import type { DataColumn } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import { Timestamp } from "@/components/ui/timestamp";
import type { OutsidePage } from "@/lib/approvals/outside";
import type { AuditItem } from "@/lib/audit/log";
import { outcomeLabel } from "@/lib/audit/outcome";
import { modelRoutes } from "@/lib/routes";

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

export type OutsideRow = OutsidePage["items"][number]["changes"][number];

/** Changes SageMaker records that no SageDeck decision made, in SageMaker's words. */
export const OUTSIDE_COLUMNS: DataColumn<OutsideRow>[] = [
  { id: "when", header: "When (SageMaker)", nowrap: true, cell: (c) => <Timestamp at={c.at} /> },
  {
    id: "who",
    header: "Who (SageMaker)",
    cell: (c) => (
      <>
        {c.by ?? "not recorded"} {c.byField ? <span className="text-slate-500">({c.byField})</span> : null}
      </>
    ),
  },
  { id: "change", header: "Change", cell: (c) => outsideLabel(c) },
  {
    id: "version",
    header: "Version",
    nowrap: true,
    cell: (c) => (
      <Link href={modelRoutes.version(c.group, c.version)} className="text-sky-700 hover:underline">
        {c.group} v{c.version}
      </Link>
    ),
  },
  { id: "description", header: "Description (SageMaker)", cell: (c) => c.description ?? "" },
];
