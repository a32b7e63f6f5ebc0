"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { Pager } from "@/components/ui/pager";
import { queryError } from "@/components/ui/query-error";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import type { GroupOverview } from "@/lib/models/groups";
import { modelQueries } from "@/lib/query-options/models";
import { modelRoutes } from "@/lib/routes";
import { modelsSearchParams } from "./search-params";
import { Button } from "@/components/ui/button";
import { AccountBadge } from "@/components/ui/account-badge";
import { GroupContradictions } from "./contradiction-warnings";

/** The version a stage serves and (with several accounts) the account its endpoint lives in. */
export function Served({ version, account }: { version?: number; account?: string }) {
  if (!version) return <>—</>;
  return (
    <>
      v{version} <AccountBadge account={account} />
    </>
  );
}

const COLUMNS: DataColumn<GroupOverview>[] = [
  {
    id: "group",
    header: "Group",
    minWidth: "14rem",
    cell: (g) => (
      <Link href={modelRoutes.group(g.name)} className="text-sky-700 hover:underline">
        {g.name}
      </Link>
    ),
  },
  {
    id: "latest",
    header: "Latest",
    nowrap: true,
    cell: (g) =>
      g.latestVersion ? (
        <>
          v{g.latestVersion} <TimeAgo at={g.latestAt} className="text-slate-500" />
        </>
      ) : (
        "—"
      ),
  },
  {
    id: "counts",
    header: "Pending / approved / rejected",
    className: "tabular-nums",
    cell: (g) => `${g.counts.PendingManualApproval} / ${g.counts.Approved} / ${g.counts.Rejected}`,
  },
  {
    id: "staging",
    header: "Staging",
    nowrap: true,
    cell: (g) => <Served version={g.staging} account={g.stagingAccount} />,
  },
  {
    id: "production",
    header: "Production",
    nowrap: true,
    cell: (g) => <Served version={g.production} account={g.productionAccount} />,
  },
  {
    id: "warnings",
    header: "Warnings",
    minWidth: "16rem",
    cell: (g) => <GroupContradictions warnings={g.warnings} />,
  },
  {
    id: "decision",
    header: "Last decision",
    cell: (g) =>
      g.lastDecision
        ? `${g.lastDecision.action} v${g.lastDecision.version} by ${g.lastDecision.actorName}`
        : "—",
  },
];

/** Model groups: latest version, counts by status, what Staging and Production serve, last decision. */
export function ModelsList() {
  const [p, setP] = useQueryStates(modelsSearchParams, { history: "push" });
  const q = useQuery(modelQueries.list({ q: p.q ?? undefined, page: p.page }));
  return (
    <div className="space-y-4">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const v = new FormData(e.currentTarget).get("q");
          void setP({ q: typeof v === "string" && v.trim() ? v.trim() : null, page: 1 });
        }}
        className="flex gap-2 text-sm"
      >
        <input
          name="q"
          aria-label="Search model groups"
          placeholder="Search model groups"
          defaultValue={p.q ?? ""}
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit">Search</Button>
      </form>
      <DataTable
        label="Model groups"
        loading={q.isPending}
        loadingRows={6}
        loadingLabel="Loading model groups"
        error={queryError(q, "Could not load model groups")}
        empty={<EmptyState title="No model groups match">Clear the search to see every group.</EmptyState>}
        columns={COLUMNS}
        rows={q.data?.items ?? []}
        rowId={(g) => g.name}
        rowHref={(g) => modelRoutes.group(g.name)}
      />
      <Pager
        hasPrevious={p.page > 1}
        hasNext={Boolean(q.data && q.data.page * q.data.pageSize < q.data.total)}
        onFirst={() => void setP({ page: 1 })}
        onNext={() => void setP({ page: p.page + 1 })}
      />
    </div>
  );
}
