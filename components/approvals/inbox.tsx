"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useEffect, useRef, useState } from "react";
import type { DecisionView } from "@/lib/approvals/types";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { Pager } from "@/components/ui/pager";
import { approvalQueries } from "@/lib/query-options/approvals";
import { InboxCard } from "./inbox-card";
import { inboxSearchParams } from "./search-params";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy";

/*
 * Loaded apart from the page (issue 18: the inbox's first-load JS), still rendered by the server: the deploy
 * gates above the cards, the outside changes below them, and the notice shown after a decision.
 */
const GatesList = lazyComponent(() =>
  import("@/components/deploy-pipelines/gates-list").then((m) => m.GatesList),
);
const OutsideList = lazyComponent(() => import("./outside-list").then((m) => m.OutsideList));
const DecisionNotice = lazyComponent(() => import("./decision-notice").then((m) => m.DecisionNotice));

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
  const items = query.data?.items;
  const [notice, setNotice] = useState<DecisionView | null>(null);
  // after a decision: the decided card and the one to focus once it has left the list
  const focusAfter = useRef<{ decided: string; next?: string } | null>(null);
  useEffect(() => {
    const f = focusAfter.current;
    if (!f || !items || items.some((i) => i.version.arn === f.decided)) return;
    focusAfter.current = null;
    const cards = [...document.querySelectorAll<HTMLElement>("[data-card-arn]")];
    const target =
      cards.find((c) => c.dataset.cardArn === f.next) ??
      cards[0] ??
      document.getElementById("inbox-empty-title");
    target?.focus();
  }, [items]);
  const onDecided = (arn: string) => (d: DecisionView) => {
    const list = items ?? [];
    const i = list.findIndex((x) => x.version.arn === arn);
    focusAfter.current = { decided: arn, next: (list[i + 1] ?? list[i - 1])?.version.arn };
    setNotice(d);
  };
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
      ) : null}
      <DecisionNotice decision={notice} onDismiss={() => setNotice(null)} />
      {query.isPending || query.isError ? null : query.data.items.length === 0 ? (
        <div className="rounded-md border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <h2 id="inbox-empty-title" tabIndex={-1} className="font-medium">
            Nothing is waiting for a decision
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {params.group
              ? `No version of ${params.group} is pending approval.`
              : "Every registered version has been decided."}
          </p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="Versions waiting for a decision">
          {query.data.items.map((item) => (
            <InboxCard key={item.version.arn} item={item} onDecided={onDecided(item.version.arn)} />
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
