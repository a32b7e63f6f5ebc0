"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { executionHref } from "@/components/models/links";
import { StatusBadge } from "@/components/pipelines/status-badge";
import { EmptyState } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { overviewQueries } from "@/lib/query-options/overview";
import { routes } from "@/lib/routes";
import type { MyPipelineRuns, NewestExperimentRuns } from "@/lib/overview/runs";
import { OverviewSection, QueryState } from "./section";

const LINK = "font-medium text-sky-700 hover:underline";
const ROW = "flex flex-wrap items-baseline justify-between gap-2 py-2";
const LIST = "divide-y divide-slate-200 dark:divide-slate-800";

function PipelineRuns({ data }: { data: MyPipelineRuns }) {
  if (data.items.length === 0)
    return (
      <EmptyState title="You have not started a pipeline run from SageDeck yet">
        Open <Link href={routes.pipelines}>Pipelines</Link>, pick a pipeline and choose “Start run”; your runs
        and their live status appear here.
      </EmptyState>
    );
  return (
    <ul aria-label="Your pipeline runs" className={LIST}>
      {data.items.map((r) => (
        <li key={r.executionArn} className={ROW}>
          <span>
            <Link href={executionHref(r.executionArn) ?? routes.pipelines} className={LINK}>
              {r.pipelineName} · {r.displayName}
            </Link>
          </span>
          <span className="text-sm text-slate-600 dark:text-slate-400">
            started <TimeAgo at={r.startedAt} />{" "}
            {r.statusError ? (
              <span className="text-amber-700 dark:text-amber-400">{r.statusError}</span>
            ) : (
              <StatusBadge status={r.status} />
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ExperimentRuns({ data }: { data: NewestExperimentRuns }) {
  if (data.items.length === 0)
    return (
      <EmptyState title="No experiment runs yet">
        A run appears here when a training job, notebook or pipeline logs it to a SageMaker experiment; start
        a pipeline from <Link href={routes.pipelines}>Pipelines</Link> to create one.
      </EmptyState>
    );
  return (
    <ul aria-label="Newest experiment runs" className={LIST}>
      {data.items.map((r) => {
        const experiment = r.experimentName ?? "";
        const href = `${routes.experiments}/${encodeURIComponent(experiment)}/runs/${encodeURIComponent(r.name)}`;
        return (
          <li key={`${experiment}/${r.name}`} className={ROW}>
            <span>
              <Link href={href} className={LINK}>
                {r.displayName}
              </Link>{" "}
              <span className="text-sm text-slate-500">in {experiment}</span>
            </span>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              started <TimeAgo at={r.startedAt} /> <StatusBadge status={r.status} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Scientists: the runs they started through SageDeck and the newest experiment runs, each its own query. */
export function RunsSection() {
  const mine = useQuery(overviewQueries.myRuns());
  const newest = useQuery(overviewQueries.experimentRuns());
  return (
    <OverviewSection id="runs" title="Your recent runs" href={routes.pipelines} linkLabel="All pipelines">
      <QueryState query={mine} what="your pipeline runs">
        {(data) => <PipelineRuns data={data} />}
      </QueryState>
      <div className="flex flex-wrap items-baseline justify-between gap-2 pt-2">
        <h3 className="font-medium">Newest experiment runs</h3>
        <Link href={routes.experiments} className="text-sm font-medium text-sky-700 hover:underline">
          All experiments
        </Link>
      </div>
      <QueryState query={newest} what="the newest experiment runs">
        {(data) => <ExperimentRuns data={data} />}
      </QueryState>
    </OverviewSection>
  );
}
