"use client";

import Link from "next/link";
import { DecisionForm } from "@/components/models/decision-form";
import { executionHref } from "@/components/models/links";
import { Badge } from "@/components/ui/badge";
import { lazyComponent } from "@/components/ui/lazy";
import { TimeAgo } from "@/components/ui/time-ago";
import { modelRoutes } from "@/lib/routes";
import { whyNot } from "@/lib/approvals/allowed";
import type { DecidableInboxItem, InboxItem } from "@/lib/approvals/inbox";
import type { DecisionView } from "@/lib/approvals/types";

/** With the data table it uses, loaded apart from the inbox (issue 18: first-load JS); the server renders it. */
const MetricsTable = lazyComponent(() =>
  import("@/components/models/metrics-table").then((m) => m.MetricsTable),
);

function age(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  return h >= 48
    ? `${Math.floor(h / 24)} days`
    : h >= 1
      ? `${h} h`
      : `${Math.max(1, Math.floor(ms / 60_000))} min`;
}

function PipelineEvidence({ item }: { item: InboxItem }) {
  const l = item.lineage;
  if (!item.version.generatedBy) return <span>Registered by hand (no pipeline)</span>;
  if (!l) return <span>Pipeline execution not found</span>;
  return (
    <span className="space-x-2">
      <span>
        Pipeline{" "}
        <Link href={executionHref(l.executionArn) ?? "#"} className="text-sky-700 hover:underline">
          {l.pipelineName}
        </Link>
        :
      </span>
      <Badge
        tone={l.executionStatus === "Succeeded" ? "green" : l.executionStatus === "Failed" ? "red" : "blue"}
      >
        {l.executionStatus}
      </Badge>
      {l.gatePassed === undefined ? (
        <Badge>no quality gate</Badge>
      ) : (
        <Badge tone={l.gatePassed ? "green" : "red"}>quality gate {l.gatePassed ? "passed" : "failed"}</Badge>
      )}
    </span>
  );
}

/** One waiting version with its evidence and the inline decision. */
export function InboxCard({
  item,
  onDecided,
}: {
  item: DecidableInboxItem;
  onDecided?: (d: DecisionView) => void;
}) {
  const v = item.version;
  const { approve, reject } = item.allowedActions;
  return (
    <li
      data-testid={`inbox-${v.group}-${v.version}`}
      data-card-arn={v.arn}
      aria-label={`${v.group} version ${v.version}`}
      // focus lands here after the card before it was decided
      tabIndex={-1}
      className={`rounded-lg border p-4 focus:outline-2 focus:outline-sky-600 ${item.overdue ? "border-amber-400 bg-amber-50/50 dark:bg-amber-950/30" : "border-slate-200 dark:border-slate-800"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link
          href={modelRoutes.version(v.group, v.version)}
          className="font-medium text-sky-700 hover:underline"
        >
          {v.group} · version {v.version}
        </Link>
        <span className="text-sm">
          waiting {age(item.ageMs)} {item.overdue ? <Badge tone="amber">past the SLA</Badge> : null}
        </span>
      </div>
      <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Registered <TimeAgo at={v.createdAt} /> by {item.registeredBy ?? "unknown"} ·{" "}
        <PipelineEvidence item={item} />
      </div>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <MetricsTable
          metrics={v.metrics}
          evidence={v.evidence}
          baseline={item.production?.metrics}
          baselineLabel={item.production ? `Production (v${item.production.version})` : undefined}
        />
        {approve.allowed || reject.allowed ? (
          <DecisionForm
            group={v.group}
            version={v.version}
            expectedStatus={v.approvalStatus}
            canApprove={approve.allowed}
            canReject={reject.allowed}
            reasonRequired={!approve.allowed || approve.reasonRequired !== false}
            onDecided={onDecided}
          />
        ) : (
          <p className="text-sm text-slate-500">{whyNot(approve)}</p>
        )}
      </div>
    </li>
  );
}
