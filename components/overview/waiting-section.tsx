"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { overviewQueries } from "@/lib/query-options/overview";
import { modelRoutes, routes } from "@/lib/routes";
import type { WaitingForDecision } from "@/lib/overview/approvals";
import { waitedFor } from "@/lib/overview/waited";
import { OverviewSection, QueryState } from "./section";

export { waitedFor };

function Waiting({ data }: { data: WaitingForDecision }) {
  if (data.items.length === 0)
    return (
      <EmptyState title="Nothing is waiting">
        No model version is pending approval. New versions appear here when a pipeline registers them.
      </EmptyState>
    );
  const total = `${data.total}${data.totalCapped ? "+" : ""}`;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="waiting-total">
        {total} {data.total === 1 ? "version waits" : "versions wait"} for a decision
        {data.oldestAt !== undefined && data.generatedAt !== undefined
          ? `, the oldest for ${waitedFor(data.generatedAt - data.oldestAt)}`
          : ""}
        ; the oldest first (SLA {data.slaHours} h).
      </p>
      <ul aria-label="Oldest versions waiting" className="divide-y divide-slate-200 dark:divide-slate-800">
        {data.items.map((v) => (
          <li
            key={`${v.group}/${v.version}`}
            className="flex flex-wrap items-baseline justify-between gap-2 py-2"
          >
            <Link
              href={modelRoutes.version(v.group, v.version)}
              className="font-medium text-sky-700 hover:underline"
            >
              {v.group} · version {v.version}
            </Link>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              waiting {waitedFor(v.ageMs)} · registered <TimeAgo at={v.createdAt} />
              {v.registeredBy ? ` by ${v.registeredBy}` : ""}{" "}
              {v.overdue ? <Badge tone="amber">past the SLA</Badge> : <Badge tone="green">within SLA</Badge>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Approvers: the oldest versions waiting for a decision, linking to the approvals inbox. */
export function WaitingSection() {
  const query = useQuery(overviewQueries.approvals());
  return (
    <OverviewSection
      id="approvals"
      title="Waiting for your decision"
      href={routes.approvals}
      linkLabel="Open the approvals inbox"
    >
      <QueryState query={query} what="the versions waiting for a decision">
        {(data) => <Waiting data={data} />}
      </QueryState>
    </OverviewSection>
  );
}
