"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { Pager } from "@/components/ui/pager";
import { approvalQueries } from "@/lib/query-options/approvals";
import { InboxCard } from "./inbox-card";
import { OutsideList } from "./outside-list";
import { inboxSearchParams } from "./search-params";
import { Button } from "@/components/ui/button";
import { GatesList } from "@/components/deploy-pipelines/gates-list";

/** The approval inbox: oldest first, SLA highlight, evidence and inline decisions; filters live in the URL. */
export function Inbox() {
  const [params, setParams] = useQueryStates(inboxSearchParams, { history: "push" });
  const query = useQuery(
    approvalQueries.inbox({
      group: params.group ?? undefined,
      cursor: params.cursor ?? undefined,
      sla: params.sla ?? undefined,
    }),
  );
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const rawGroup = f.get("group");
          const group = typeof rawGroup === "string" ? rawGroup.trim() : "";
          const sla = Number(f.get("sla"));
          void setParams({ group: group || null, sla: sla > 0 ? sla : null, cursor: null, attention: null });
        }}
      >
        <label className="flex flex-col">
          Model group
          <input
            name="group"
            defaultValue={params.group ?? ""}
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <label className="flex flex-col">
          SLA (hours)
          <input
            name="sla"
            type="number"
            min={1}
            defaultValue={params.sla ?? query.data?.slaHours ?? 48}
            className="w-24 rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <Button type="submit">Apply</Button>
      </form>
      <GatesList group={params.group ?? undefined} />
      {query.isPending ? (
        <LoadingBlock rows={4} label="Loading the approval inbox" />
      ) : query.isError ? (
        <ErrorState
          message={`Could not load the inbox: ${query.error.message}`}
          retry={() => void query.refetch()}
        />
      ) : query.data.items.length === 0 ? (
        <EmptyState title="Nothing is waiting for a decision">
          {params.group
            ? `No version of ${params.group} is pending approval.`
            : "Every registered version has been decided."}
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Versions waiting for a decision">
          {query.data.items.map((item) => (
            <InboxCard key={item.version.arn} item={item} />
          ))}
        </ul>
      )}
      <Pager
        hasPrevious={Boolean(params.cursor)}
        hasNext={Boolean(query.data?.cursor)}
        onFirst={() => void setParams({ cursor: null })}
        onNext={() => void setParams({ cursor: query.data?.cursor ?? null })}
      />
      <OutsideList
        group={params.group ?? undefined}
        page={params.attention}
        onPage={(n) => void setParams({ attention: n > 1 ? n : null })}
      />
    </div>
  );
}
