"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import type { DefinitionStep } from "@/lib/pipelines/definition";
import type { TrainingJobInfo } from "@/lib/sagemaker/pipelines/executions";
import type { StepInfo } from "@/lib/sagemaker/pipelines/types";
import { fetchJson } from "@/lib/query-options/fetcher";
import { modelRoutes } from "@/lib/routes";
import { StatusBadge } from "./status-badge";

const CONSOLE_PATHS: Record<string, string> = {
  "training-job": "jobs",
  "processing-job": "processing-jobs",
  "transform-job": "transform-jobs",
  "hyper-parameter-tuning-job": "hyper-tuning-jobs",
  model: "models",
};

/** `{ kind, name, region, consoleUrl }` from a job/model ARN. */
function resource(arn: string) {
  const m = /^arn:aws[a-z-]*:sagemaker:([a-z0-9-]+):\d{12}:([a-z-]+)\/(.+)$/.exec(arn);
  if (!m) return undefined;
  const [, region, kind, name] = m as unknown as [string, string, string, string];
  const path = CONSOLE_PATHS[kind];
  return {
    kind,
    name,
    consoleUrl: path
      ? `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/${path}/${name}`
      : undefined,
  };
}

function Metrics({ pipeline, id, job }: { pipeline: string; id: string; job: string }) {
  const q = useQuery({
    queryKey: ["pipelines", "training-job", job],
    queryFn: () =>
      fetchJson<TrainingJobInfo>(
        `/api/pipelines/${encodeURIComponent(pipeline)}/executions/${id}/training-job?job=${encodeURIComponent(job)}`,
      ),
  });
  if (q.isError) return <p className="text-amber-700">Metrics unavailable: {q.error.message}</p>;
  if (!q.data) return <p className="text-slate-500">Loading metrics…</p>;
  if (q.data.metrics.length === 0) return <p className="text-slate-500">No final metrics.</p>;
  return (
    <ul className="font-mono text-xs">
      {q.data.metrics.map((m) => (
        <li key={m.name}>
          {m.name} = {Number.isFinite(m.value) ? m.value.toFixed(4) : "—"}
        </li>
      ))}
    </ul>
  );
}

export function StepDetails({
  pipeline,
  id,
  step,
  definition,
  parameters,
}: {
  pipeline: string;
  id: string;
  step: StepInfo | undefined;
  definition: DefinitionStep | undefined;
  /** the execution's parameters, to show the values a condition compared against */
  parameters: Record<string, string>;
}) {
  const withValues = (text: string) =>
    text.replace(/Parameters\.([A-Za-z0-9_-]+)/g, (m, name: string) =>
      parameters[name] !== undefined ? `${m} (= ${parameters[name]})` : m,
    );
  if (!step && !definition) return <p className="text-sm text-slate-500">Click a step for its details.</p>;
  const name = step?.name ?? definition?.name ?? "";
  const res = step?.resourceArn ? resource(step.resourceArn) : undefined;
  const pkg = res?.kind === "model-package" ? /^(.+)\/(\d+)$/.exec(res.name) : null;
  return (
    <div className="space-y-2 text-sm" data-testid="step-details">
      <h3 className="text-base font-semibold">{name}</h3>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Type</dt>
        <dd>{definition?.type ?? step?.kind ?? "—"}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd>{step ? <StatusBadge status={step.status} /> : "Not started"}</dd>
        <dt className="text-slate-500">Started</dt>
        <dd>
          <Timestamp at={step?.startedAt} />
        </dd>
        <dt className="text-slate-500">Ended</dt>
        <dd>
          <Timestamp at={step?.endedAt} />
        </dd>
        <dt className="text-slate-500">Duration</dt>
        <dd>{step?.startedAt && step.endedAt ? formatDuration(step.endedAt - step.startedAt) : "—"}</dd>
        <dt className="text-slate-500">Attempts</dt>
        <dd>{step?.attempts ?? "—"}</dd>
        {step?.cacheSourceArn ? (
          <>
            <dt className="text-slate-500">Cache hit</dt>
            <dd className="font-mono text-xs break-all">{step.cacheSourceArn}</dd>
          </>
        ) : null}
      </dl>
      {step?.failureReason ? (
        <p
          className="rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-300"
          data-testid="step-failure"
        >
          {step.failureReason}
        </p>
      ) : null}
      {step?.errorMessage ? <p className="text-red-700">Fail step message: {step.errorMessage}</p> : null}
      {definition?.conditions.length ? (
        <div>
          <div className="text-slate-500">
            Condition{step?.conditionOutcome ? ` → ${step.conditionOutcome}` : ""}
          </div>
          <ul className="font-mono text-xs">
            {definition.conditions.map((c) => (
              <li key={c}>{withValues(c)}</li>
            ))}
          </ul>
          <div className="text-xs text-slate-500">
            If true: {definition.ifSteps.join(", ") || "—"}; else: {definition.elseSteps.join(", ") || "—"}
          </div>
        </div>
      ) : null}
      {res ? (
        <div>
          <span className="text-slate-500">{res.kind}: </span>
          {pkg?.[1] && pkg[2] ? (
            <Link className="text-sky-700 hover:underline" href={modelRoutes.version(pkg[1], Number(pkg[2]))}>
              {pkg[1]} version {pkg[2]}
            </Link>
          ) : res.consoleUrl ? (
            <a
              className="text-sky-700 hover:underline"
              href={res.consoleUrl}
              target="_blank"
              rel="noreferrer"
            >
              {res.name}
            </a>
          ) : (
            <span className="font-mono text-xs">{res.name}</span>
          )}
        </div>
      ) : null}
      {res?.kind === "training-job" ? <Metrics pipeline={pipeline} id={id} job={res.name} /> : null}
    </div>
  );
}
