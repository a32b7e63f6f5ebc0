import Link from "next/link";
import { AccountBadge } from "@/components/ui/account-badge";
import { Badge } from "@/components/ui/badge";
import type { DataColumn } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { GroupVersionsPage } from "@/lib/models/groups";
import { modelRoutes } from "@/lib/routes";
import { StatusBadge } from "./approval-badge";
import { executionHref } from "./links";
import { OutsideBadge } from "./outside-change";
import { ContradictionFlag } from "./contradiction-warnings";
import { contradictions } from "@/lib/approvals/contradictions";

export type VersionRow = GroupVersionsPage["items"][number];

/** A group's versions table; the first column picks versions to compare. */
export function versionColumns(
  group: string,
  compare: { has: (arn: string) => boolean; set: (arn: string, on: boolean) => void },
): DataColumn<VersionRow>[] {
  return [
    {
      id: "compare",
      header: "Compare",
      cell: (v) => (
        <input
          type="checkbox"
          aria-label={`Compare version ${v.version}`}
          checked={compare.has(v.arn)}
          onChange={(e) => compare.set(v.arn, e.target.checked)}
        />
      ),
    },
    {
      id: "version",
      header: "Version",
      nowrap: true,
      cell: (v) => (
        <>
          <Link href={modelRoutes.version(group, v.version)} className="text-sky-700 hover:underline">
            v{v.version}
          </Link>{" "}
          {v.live ? (
            <>
              <Badge tone="blue">live in {v.live}</Badge> <AccountBadge account={v.liveAccount} />
            </>
          ) : null}
        </>
      ),
    },
    {
      id: "approval",
      header: "Approval",
      nowrap: true,
      cell: (v) => (
        <>
          <StatusBadge status={v.approvalStatus} /> <OutsideBadge changes={v.outside} />{" "}
          <ContradictionFlag warnings={contradictions({ ...v, servedBy: v.live ? [v.live] : [] })} />
        </>
      ),
    },
    {
      id: "stage",
      header: "Stage",
      cell: (v) => `${v.stage ?? "Development"}${v.stageStatus ? ` (${v.stageStatus})` : ""}`,
    },
    {
      id: "metrics",
      header: "Key metrics",
      className: "tabular-nums",
      cell: (v) =>
        Object.entries(v.metrics)
          .map(([k, n]) => `${k} ${n.toFixed(3)}`)
          .join(" · ") || "—",
    },
    { id: "created", header: "Created", nowrap: true, cell: (v) => <TimeAgo at={v.createdAt} /> },
    { id: "registeredBy", header: "Registered by", cell: (v) => v.registeredBy ?? "—" },
    {
      id: "execution",
      header: "Pipeline execution",
      className: "text-xs break-all",
      cell: (v) =>
        v.generatedBy ? (
          <Link href={executionHref(v.generatedBy) ?? "#"} className="text-sky-700 hover:underline">
            {v.generatedBy.split("/execution/")[1]}
          </Link>
        ) : (
          "registered by hand"
        ),
    },
  ];
}
