"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import type { Artifact } from "@/lib/experiments/types";
import { experimentQueries } from "@/lib/query-options/experiments";
import { formatValue, StatusBadge } from "./run-values";

const STATS = [
  ["last", "Last"],
  ["min", "Min"],
  ["max", "Max"],
  ["avg", "Avg"],
  ["count", "Count"],
] as const;

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function KeyValues({ rows, empty }: { rows: [string, ReactNode][]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
          <dd className="font-mono break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const artifactRows = (a: Artifact[]): [string, ReactNode][] =>
  a.map((x) => [x.name, `${x.value}${x.mediaType ? ` (${x.mediaType})` : ""}`]);

export function RunDetailView({ experiment, run }: { experiment: string; run: string }) {
  const { data, error, isPending, refetch } = useQuery(experimentQueries.run(experiment, run));
  if (isPending) return <LoadingBlock label="Loading run" />;
  if (error) return <ErrorState message={error.message} retry={() => void refetch()} />;
  const metricNames = Object.keys(data.metrics).sort();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={data.status} />
        <span>
          Started <Timestamp at={data.startedAt} />
        </span>
        <span>
          Duration {formatDuration(data.startedAt && data.endedAt ? data.endedAt - data.startedAt : null)}
        </span>
        {data.createdBy ? <span>by {data.createdBy}</span> : null}
      </div>
      {data.statusMessage ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{data.statusMessage}</p>
      ) : null}
      <Card title="Origin">
        <KeyValues
          empty="Logged manually (no job or pipeline)."
          rows={[
            ...(data.sourceArn
              ? [
                  ["Source job", `${data.sourceArn}${data.sourceType ? ` (${data.sourceType})` : ""}`] as [
                    string,
                    ReactNode,
                  ],
                ]
              : []),
            ...(data.pipelineExecutionId && data.experimentName
              ? [
                  [
                    "Pipeline execution",
                    <Link
                      key="exec"
                      className="text-sky-700 hover:underline dark:text-sky-400"
                      href={`/pipelines/${encodeURIComponent(data.experimentName)}/executions/${encodeURIComponent(data.pipelineExecutionId)}`}
                    >
                      {data.pipelineExecutionId}
                    </Link>,
                  ] as [string, ReactNode],
                ]
              : []),
            ...(data.trialName ? [["Trial", data.trialName] as [string, ReactNode]] : []),
          ]}
        />
      </Card>
      <Card title="Metrics">
        {metricNames.length === 0 ? (
          <p className="text-sm text-slate-500">This run logged no metrics.</p>
        ) : (
          <DataTable
            label="Run metrics"
            columns={[
              { id: "metric", header: "Metric", className: "font-mono", cell: (m: string) => m },
              ...STATS.map(([key, header]) => ({
                id: key,
                header,
                align: "right" as const,
                cell: (m: string) => formatValue(data.metrics[m]?.[key]),
              })),
            ]}
            rows={metricNames}
            rowId={(m) => m}
          />
        )}
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Parameters">
          <KeyValues
            empty="No parameters."
            rows={Object.entries(data.params)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, formatValue(v)])}
          />
        </Card>
        <Card title="Tags">
          <KeyValues empty="No tags." rows={Object.entries(data.tags)} />
        </Card>
        <Card title="Input artifacts">
          <KeyValues empty="No inputs recorded." rows={artifactRows(data.inputs)} />
        </Card>
        <Card title="Output artifacts">
          <KeyValues empty="No outputs recorded." rows={artifactRows(data.outputs)} />
        </Card>
      </div>
    </div>
  );
}
