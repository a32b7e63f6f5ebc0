import Link from "next/link";
import { AccountBadge } from "@/components/ui/account-badge";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DataColumn } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { EndpointMonitor, EndpointRow } from "@/lib/endpoints/rows";
import { modelRoutes } from "@/lib/routes";
import { instancesText, ScalingSummary } from "./scaling";

const STATUS_TONE: Record<string, BadgeTone> = {
  InService: "green",
  Failed: "red",
  UpdateRollbackFailed: "red",
  Creating: "blue",
  Updating: "blue",
  SystemUpdating: "blue",
  RollingBack: "amber",
  OutOfService: "amber",
  Deleting: "amber",
};

const RUN_TONE: Record<string, BadgeTone> = {
  Completed: "green",
  CompletedWithViolations: "amber",
  Failed: "red",
  InProgress: "blue",
};

function Monitors({ monitors }: { monitors: EndpointMonitor[] | null }) {
  if (monitors === null) return <span className="text-amber-700">could not be read</span>;
  if (monitors.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {monitors.map((m) => (
        <li
          key={m.name}
          title={`${m.name}: ${m.status}${m.lastRun ? `, last run ${m.lastRun.status}` : ", not run yet"}`}
        >
          <Badge tone={m.lastRun ? (RUN_TONE[m.lastRun.status] ?? "neutral") : "neutral"}>
            {m.type ?? m.name}
            {m.status !== "Scheduled" ? ` (${m.status})` : ""}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** The endpoints table; the account column only when several accounts are configured. */
export function endpointColumns(multiAccount: boolean): DataColumn<EndpointRow>[] {
  const columns: (DataColumn<EndpointRow> | false)[] = [
    {
      id: "name",
      header: "Endpoint",
      sortable: true,
      minWidth: "14rem",
      cell: (e) => (
        <>
          <span className="font-medium">{e.name}</span>
          {e.failureReason ? <div className="text-xs text-red-700">{e.failureReason}</div> : null}
        </>
      ),
    },
    multiAccount && {
      id: "account",
      header: "Account",
      sortable: true,
      nowrap: true,
      cell: (e) => <AccountBadge account={e.account} />,
    },
    { id: "stage", header: "Stage", sortable: true, nowrap: true, cell: (e) => e.stage ?? "—" },
    {
      id: "status",
      header: "Status",
      sortable: true,
      nowrap: true,
      cell: (e) => <Badge tone={STATUS_TONE[e.status] ?? "neutral"}>{e.status}</Badge>,
    },
    {
      id: "served",
      header: "Serves",
      nowrap: true,
      cell: (e) =>
        e.served ? (
          <Link
            href={modelRoutes.version(e.served.group, e.served.version)}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            {e.served.group} v{e.served.version}
          </Link>
        ) : (
          <span className="text-slate-500" title={e.servedArn}>
            {e.servedArn ? "a model (no registry version)" : "—"}
          </span>
        ),
    },
    {
      id: "config",
      header: "Endpoint config",
      className: "text-xs break-all",
      cell: (e) => e.configName ?? "—",
    },
    {
      id: "instances",
      header: "Instances",
      nowrap: true,
      cell: (e) => instancesText(e.scaling),
    },
    {
      id: "scaling",
      header: "Autoscaling",
      minWidth: "12rem",
      cell: (e) => <ScalingSummary scaling={e.scaling} endpoint={e.name} account={e.account} />,
    },
    { id: "monitoring", header: "Monitoring", cell: (e) => <Monitors monitors={e.monitoring} /> },
    {
      id: "lastModified",
      header: "Last modified",
      sortable: true,
      nowrap: true,
      cell: (e) => <TimeAgo at={e.lastModifiedAt} />,
    },
  ];
  return columns.filter((c): c is DataColumn<EndpointRow> => c !== false);
}
