"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useMultiAccount } from "@/components/ui/account-badge";
import { DataTable } from "@/components/ui/data-table";
import { PageNav } from "@/components/ui/pager";
import { queryError } from "@/components/ui/query-error";
import { EmptyState } from "@/components/ui/states";
import { ENDPOINT_SORTS } from "@/lib/endpoints/filters";
import { endpointListSearchParams, toEndpointListQuery } from "@/lib/endpoints/search-params";
import { endpointQueries } from "@/lib/query-options/endpoints";
import { AccountFailures } from "./account-failures";
import { endpointColumns } from "./endpoint-columns";
import { EndpointsFilters } from "./endpoints-filters";

/** Endpoints of every configured account: filters, sortable columns and pages, all kept in the URL. */
export function EndpointsTable() {
  // push: Back returns to the previous view
  const [state, set] = useQueryStates(endpointListSearchParams, { history: "push" });
  const q = toEndpointListQuery(state);
  const multiAccount = useMultiAccount();
  const query = useQuery({ ...endpointQueries.list(q), placeholderData: keepPreviousData });
  const data = query.data;
  const page = q.page ?? 1;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const sort = q.sort ?? "name";
  const order = q.order ?? "asc";
  const filtered = Boolean(q.account || q.stage || q.status || q.q);
  return (
    <div className="space-y-4">
      <EndpointsFilters
        key={`${q.account}|${q.stage}|${q.status}|${q.q}`}
        q={q}
        onChange={(changes) => void set(changes)}
      />
      {data ? <AccountFailures failures={data.failures} /> : null}
      {data ? (
        <p
          className="text-sm text-slate-600 dark:text-slate-400"
          data-testid="endpoints-summary"
          data-accounts={data.configuredAccounts}
        >
          {data.total} endpoint{data.total === 1 ? "" : "s"}
          {!multiAccount
            ? ""
            : q.account
              ? ` in ${q.account}`
              : ` in ${data.accounts.filter((a) => a.ok).length} of ${data.accounts.length} accounts`}
        </p>
      ) : null}
      <DataTable
        label="Endpoints"
        loading={!data && !query.isError}
        loadingRows={6}
        loadingLabel="Loading endpoints"
        error={queryError(query, "Could not load the endpoints")}
        empty={
          <EmptyState title={filtered ? "No endpoint matches." : "No endpoints yet."}>
            {filtered
              ? "Clear or change the filters."
              : "Endpoints deployed in SageMaker (by a promotion or outside SageDeck) appear here."}
          </EmptyState>
        }
        columns={endpointColumns(multiAccount)}
        rows={data?.items ?? []}
        rowId={(e) => `${e.account}/${e.name}`}
        rowProps={(e) => ({ "data-testid": "endpoint-row", "data-account": e.account })}
        sort={{ id: sort, dir: order }}
        onSort={(id) => {
          const next = ENDPOINT_SORTS.find((s) => s === id);
          if (!next) return;
          const dir =
            next === sort ? (order === "asc" ? "desc" : "asc") : next === "lastModified" ? "desc" : "asc";
          void set({ sort: next, order: dir, page: null });
        }}
      />
      {data ? (
        <PageNav page={page} pages={pages} onPage={(n) => void set({ page: n })}>
          Page {page} of {pages}
        </PageNav>
      ) : null}
    </div>
  );
}
