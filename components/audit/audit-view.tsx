"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { queryError } from "@/components/ui/query-error";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/states";
import { Pager } from "@/components/ui/pager";
import { auditQueries, auditSearch } from "@/lib/query-options/audit";
import { AUDIT_COLUMNS } from "./audit-columns";
import { AuditFilters } from "./audit-filters";
import { auditSearchParams, toAuditParams } from "./search-params";
import { StagesAt } from "./stages-at";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy";

/** The SageMaker-side tab, loaded when chosen (issue 18: not in the audit page's first load). */
const OutsideAudit = lazyComponent(() => import("./outside-audit").then((m) => m.OutsideAudit));

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
      {/* shown without a group filter too: every model group until one is chosen */}
      <StagesAt
        key={params.group ?? ""}
        group={params.group}
        at={state.at}
        onAt={(v) => void setState({ at: v })}
      />
      <DataTable
        label="Audit events"
        loading={q.isPending}
        loadingRows={8}
        loadingLabel="Loading audit events"
        error={queryError(q, "Could not load the audit log")}
        empty={
          <EmptyState title="No audit events match these filters">
            Widen the dates or clear a filter.
          </EmptyState>
        }
        columns={AUDIT_COLUMNS}
        rows={q.data?.items ?? []}
        rowId={(e) => String(e.id)}
      />
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
