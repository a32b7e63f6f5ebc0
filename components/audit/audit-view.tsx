"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { Pager } from "@/components/ui/pager";
import { TimeAgo } from "@/components/ui/time-ago";
import { StatusBadge } from "@/components/models/approval-badge";
import { auditQueries, auditSearch } from "@/lib/query-options/audit";
import { AuditFilters } from "./audit-filters";
import { OutsideAudit } from "./outside-audit";
import { auditSearchParams, toAuditParams } from "./search-params";
import { StagesAt } from "./stages-at";
import { outcomeLabel } from "@/lib/audit/outcome";
import { Button } from "@/components/ui/button";

const useAuditState = () => useQueryStates(auditSearchParams, { history: "push" });

/**
 * Audit events with URL filters, pagination, CSV export, and the stages-at-time lookup for a group; or, with
 * `source=outside`, the changes SageMaker reports that were not made through SageDeck.
 */
export function AuditView() {
  const [state, setState] = useAuditState();
  const params = toAuditParams(state);
  const outside = state.source === "outside";
  return (
    <div className="space-y-4">
      <nav aria-label="Record" className="flex gap-2 text-sm">
        {(
          [
            [null, "SageDeck's record"],
            ["outside", "Changed outside SageDeck"],
          ] as const
        ).map(([source, label]) => (
          <Button
            key={label}
            aria-pressed={state.source === source}
            onClick={() => void setState({ source, page: 1 })}
            className="aria-pressed:bg-slate-200 dark:aria-pressed:bg-slate-800"
          >
            {label}
          </Button>
        ))}
      </nav>
      {outside ? (
        <OutsideAudit
          group={params.group}
          page={params.page ?? 1}
          onPage={(n) => void setState({ page: n })}
        />
      ) : (
        <SageDeckAudit state={state} setState={setState} />
      )}
    </div>
  );
}

function SageDeckAudit({
  state,
  setState,
}: {
  state: ReturnType<typeof useAuditState>[0];
  setState: ReturnType<typeof useAuditState>[1];
}) {
  const params = toAuditParams(state);
  const q = useQuery(auditQueries.list(params));
  const { page: _page, ...filters } = params;
  return (
    <div className="space-y-4">
      <AuditFilters
        key={auditSearch(filters)}
        value={params}
        onApply={(p) => void setState({ ...p, outcome: p.outcome ?? null, page: 1 })}
      />
      <a
        href={`/api/audit/export${auditSearch(filters)}`}
        className="text-sm text-sky-700 underline"
        download
      >
        Export these events as CSV
      </a>
      {params.group ? (
        <StagesAt group={params.group} at={state.at} onAt={(v) => void setState({ at: v })} />
      ) : null}
      {q.isPending ? (
        <LoadingBlock rows={8} label="Loading audit events" />
      ) : q.isError ? (
        <ErrorState
          message={`Could not load the audit log: ${q.error.message}`}
          retry={() => void q.refetch()}
        />
      ) : q.data.items.length === 0 ? (
        <EmptyState title="No audit events match these filters">
          Widen the dates or clear a filter.
        </EmptyState>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Audit events">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3">When</th>
              <th className="pr-3">Who</th>
              <th className="pr-3">Action</th>
              <th className="pr-3">Target</th>
              <th className="pr-3">From → to</th>
              <th className="pr-3">Reason</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-1 pr-3 whitespace-nowrap">
                  <TimeAgo at={e.at} />
                </td>
                <td className="pr-3">
                  {e.actor} <span className="text-slate-500">({e.actorRole})</span>
                </td>
                <td className="pr-3 font-mono text-xs">{e.action}</td>
                <td className="pr-3 break-all">{e.target}</td>
                <td className="pr-3">{e.from || e.to ? `${e.from ?? "?"} → ${e.to ?? "?"}` : "—"}</td>
                <td className="pr-3">{e.reason ?? ""}</td>
                <td title={e.message}>
                  <StatusBadge status={outcomeLabel(e.outcome)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {q.data ? (
        <p className="text-xs text-slate-500">
          {q.data.total} events · page {q.data.page} of{" "}
          {Math.max(1, Math.ceil(q.data.total / q.data.pageSize))}
        </p>
      ) : null}
      <Pager
        hasPrevious={params.page !== undefined && params.page > 1}
        hasNext={Boolean(q.data && q.data.page * q.data.pageSize < q.data.total)}
        onFirst={() => void setState({ page: 1 })}
        onNext={() => void setState({ page: (params.page ?? 1) + 1 })}
      />
    </div>
  );
}
