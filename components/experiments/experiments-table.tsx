"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { queryError } from "@/components/ui/query-error";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { EmptyState } from "@/components/ui/states";
import { Timestamp } from "@/components/ui/timestamp";
import { EXPERIMENT_SORTS } from "@/lib/experiments/experiment-sorts";
import { experimentListSearchParams, toExperimentListQuery } from "@/lib/experiments/search-params";
import type { ExperimentRow } from "@/lib/experiments/types";
import { experimentQueries } from "@/lib/query-options/experiments";
import { Button } from "@/components/ui/button";

const COLUMNS: DataColumn<ExperimentRow>[] = [
  {
    id: "name",
    header: "Experiment",
    minWidth: "16rem",
    sortable: true,
    cell: (e) => (
      <Link
        href={`/experiments/${encodeURIComponent(e.name)}`}
        className="font-medium text-sky-700 hover:underline dark:text-sky-400"
      >
        {e.displayName}
      </Link>
    ),
  },
  {
    id: "runs",
    header: "Runs",
    width: "6rem",
    align: "right",
    sortable: true,
    cell: (e) => e.runs.toLocaleString(),
  },
  {
    id: "activity",
    header: "Last activity",
    width: "12rem",
    sortable: true,
    cell: (e) => <Timestamp at={e.lastActivityAt} />,
  },
  {
    id: "created",
    header: "Created",
    width: "12rem",
    sortable: true,
    cell: (e) => <Timestamp at={e.createdAt} />,
  },
  {
    id: "source",
    header: "Source",
    width: "8rem",
    cell: (e) => <Badge tone={e.source === "pipeline" ? "blue" : "neutral"}>{e.source}</Badge>,
  },
];

export function ExperimentsTable() {
  // push: Back returns to the previous view; a new search or sort starts again at the first page
  const [state, set] = useQueryStates(experimentListSearchParams, { history: "push" });
  const q = toExperimentListQuery(state);
  const { data, error, isPending, refetch } = useQuery(experimentQueries.list(q));
  const [text, setText] = useState(q.q ?? "");
  return (
    <div className="space-y-3">
      <form
        role="search"
        className="flex gap-2"
        onSubmit={(ev) => {
          ev.preventDefault();
          void set({ q: text.trim() || null, after: null });
        }}
      >
        <input
          aria-label="Search experiments by name"
          placeholder="Search by name"
          value={text}
          onChange={(ev) => setText(ev.target.value)}
          className="w-72 rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      {data && data.items.length > 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {data.total.toLocaleString()} experiments
        </p>
      ) : null}
      <DataTable
        label="Experiments"
        loading={isPending}
        loadingLabel="Loading experiments"
        error={queryError({ error, refetch })}
        empty={
          <EmptyState title="No experiments match">
            {q.q
              ? "Clear the search or try another part of the name."
              : "Runs tracked on SageMaker appear here."}
          </EmptyState>
        }
        columns={COLUMNS}
        rows={data?.items ?? []}
        rowId={(e) => e.name}
        rowHref={(e) => `/experiments/${encodeURIComponent(e.name)}`}
        sort={{ id: q.sort ?? "created", dir: q.dir ?? "desc" }}
        onSort={(id) => {
          const sort = EXPERIMENT_SORTS.find((s) => s === id) ?? "created";
          void set({ sort, dir: sort === q.sort && q.dir === "desc" ? "asc" : "desc", after: null });
        }}
      />
      {data && data.items.length > 0 ? (
        <Pager
          hasPrevious={Boolean(q.after)}
          hasNext={Boolean(data.nextToken)}
          onFirst={() => void set({ after: null })}
          onNext={() => void set({ after: data.nextToken ?? null })}
        />
      ) : null}
    </div>
  );
}
