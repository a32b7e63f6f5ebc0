"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAccounts } from "@/components/ui/account-badge";
import { ENDPOINT_STAGE_FILTERS, ENDPOINT_STATUSES, type EndpointListQuery } from "@/lib/endpoints/filters";
import type { EndpointListState } from "@/lib/endpoints/search-params";

const input = "mt-1 block rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
const STAGE_LABEL: Record<(typeof ENDPOINT_STAGE_FILTERS)[number], string> = {
  Staging: "Staging",
  Production: "Production",
  none: "No stage tag",
};

const pick = <T extends string>(values: readonly T[], v: string): T | null =>
  values.find((x) => x === v) ?? null;

/** Account (when several), stage, status and text; every change goes to the URL and back to page 1. */
export function EndpointsFilters({
  q,
  onChange,
}: {
  q: EndpointListQuery;
  onChange: (changes: Partial<EndpointListState>) => void;
}) {
  const accounts = useAccounts();
  const [text, setText] = useState(q.q ?? "");
  const reset = { page: null };
  const filtered = Boolean(q.account || q.stage || q.status || q.q);
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      {accounts.length > 1 ? (
        <label>
          Account
          <select
            value={q.account ?? ""}
            onChange={(e) => onChange({ account: e.target.value || null, ...reset })}
            className={input}
          >
            <option value="">All accounts</option>
            {accounts.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
                {a.accountId ? ` (${a.accountId})` : ""}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Stage
        <select
          value={q.stage ?? ""}
          onChange={(e) => onChange({ stage: pick(ENDPOINT_STAGE_FILTERS, e.target.value), ...reset })}
          className={input}
        >
          <option value="">Any</option>
          {ENDPOINT_STAGE_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={q.status ?? ""}
          onChange={(e) => onChange({ status: pick(ENDPOINT_STATUSES, e.target.value), ...reset })}
          className={input}
        >
          <option value="">Any</option>
          {ENDPOINT_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q: text.trim() || null, ...reset });
        }}
      >
        <label>
          Search endpoints
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="endpoint, config or model group"
            className={`${input} w-64`}
          />
        </label>
        <Button type="submit">Search</Button>
      </form>
      {filtered ? (
        <button
          type="button"
          className="underline"
          onClick={() => {
            setText("");
            onChange({ account: null, stage: null, status: null, q: null, ...reset });
          }}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
