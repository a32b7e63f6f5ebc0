"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsInteger, parseAsStringLiteral, useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { PageNav } from "@/components/ui/pager";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { DELIVERY_STATUSES } from "@/lib/notifications/kinds";
import { notificationQueries, resendDelivery } from "./api";

const th = "px-2 py-1 text-left font-medium";
const td = "px-2 py-1 align-top";

const searchParams = {
  status: parseAsStringLiteral(DELIVERY_STATUSES),
  page: parseAsInteger.withDefault(1),
};

/** Deliveries, newest first, paged on the server; status filter and page in the URL; "Send again". */
export function Deliveries() {
  const [state, set] = useQueryStates(searchParams, { history: "push" });
  const client = useQueryClient();
  const list = useQuery(
    notificationQueries.deliveries({ status: state.status, channel: null, page: state.page }),
  );
  const resend = useMutation({
    mutationFn: resendDelivery,
    onSuccess: () => client.invalidateQueries({ queryKey: notificationQueries.all }),
  });
  return (
    <div className="space-y-3">
      <label className="flex items-center gap-2 text-sm">
        Status
        <select
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          value={state.status ?? ""}
          onChange={(e) =>
            void set({
              status: (e.target.value || null) as (typeof DELIVERY_STATUSES)[number] | null,
              page: 1,
            })
          }
        >
          <option value="">all</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {list.isPending ? (
        <LoadingBlock rows={3} label="Loading deliveries" />
      ) : list.error ? (
        <ErrorState message={list.error.message} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No deliveries">
          Notifications appear here once an event goes to a channel.
        </EmptyState>
      ) : (
        <>
          <table className="w-full text-sm" aria-label="Deliveries">
            <thead className="border-b border-slate-200 dark:border-slate-800">
              <tr>
                <th className={th}>Event</th>
                <th className={th}>To</th>
                <th className={th}>Status</th>
                <th className={th}>Attempts</th>
                <th className={th}>Response</th>
                <th className={th}>Created</th>
                <th className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((d) => (
                <tr
                  key={d.id}
                  data-testid={`delivery-${d.id}`}
                  className="border-b border-slate-100 dark:border-slate-900"
                >
                  <td className={td}>
                    <div>{d.title}</div>
                    <div className="font-mono text-xs text-slate-500">
                      {d.eventType} · {d.id}
                    </div>
                  </td>
                  <td className={td}>{d.channelName ?? d.recipient ?? "—"}</td>
                  <td className={td}>{d.status}</td>
                  <td className={td}>{d.attempts}</td>
                  <td className={`${td} text-xs`}>
                    {d.lastResponseCode ?? ""}{" "}
                    {d.lastError ? <span className="text-red-700">{d.lastError}</span> : null}
                  </td>
                  <td className={td}>
                    <TimeAgo at={d.createdAt} />
                  </td>
                  <td className={td}>
                    {d.status !== "pending" ? (
                      <Button
                        size="sm"
                        pending={resend.isPending && resend.variables === d.id}
                        onClick={() => resend.mutate(d.id)}
                      >
                        Send again
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <PageNav
            label="Deliveries pages"
            page={state.page}
            pages={Math.max(1, Math.ceil(list.data.total / list.data.pageSize))}
            onPage={(page) => void set({ page })}
          >
            Page {state.page} of {Math.max(1, Math.ceil(list.data.total / list.data.pageSize))} (
            {list.data.total})
          </PageNav>
        </>
      )}
      {resend.error ? (
        <p role="alert" className="text-sm text-red-700">
          {resend.error.message}
        </p>
      ) : null}
    </div>
  );
}
