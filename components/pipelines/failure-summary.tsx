"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { FailureSummary as Summary } from "@/lib/pipelines/failure-summary";
import { fetchJson } from "@/lib/query-options/fetcher";
import { routes } from "@/lib/routes";

/** A failed execution's summary: failed step, reason, the end of its log, what changed since the last good run. */
export function FailureSummary({ pipeline, id }: { pipeline: string; id: string }) {
  const base = `${routes.pipelines}/${encodeURIComponent(pipeline)}/executions`;
  const query = useQuery({
    queryKey: ["pipelines", "failure-summary", pipeline, id],
    queryFn: () =>
      fetchJson<Summary>(`/api/pipelines/${encodeURIComponent(pipeline)}/executions/${id}/failure-summary`),
    staleTime: 60_000,
  });
  const s = query.data;
  if (query.isError)
    return (
      <p className="text-sm text-red-700">The failure summary could not be read: {query.error.message}</p>
    );
  if (!s?.failed) return null;
  const changes = s.changes;
  return (
    <section
      aria-labelledby="failure-title"
      data-testid="failure-summary"
      className="space-y-3 rounded border border-red-300 bg-red-50 p-3 text-sm dark:bg-red-950"
    >
      <h2 id="failure-title" className="font-semibold text-red-900 dark:text-red-200">
        Why it failed
      </h2>
      {s.step ? (
        <p>
          Step <span className="font-mono font-semibold">{s.step.name}</span> failed:{" "}
          <span data-testid="failure-reason">{s.step.failureReason ?? s.reason}</span>
        </p>
      ) : (
        <p>{s.reason}</p>
      )}
      {s.errorLines.length > 0 ? (
        <pre
          data-testid="failure-log"
          className="max-h-64 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap text-slate-100"
        >
          {s.errorLines.map((l) => l.message).join("\n")}
        </pre>
      ) : s.logsNote ? (
        <p className="text-xs text-slate-600">{s.logsNote}</p>
      ) : null}
      {s.lastSuccessful ? (
        <div data-testid="failure-changes">
          <p>
            What changed since the last successful run{" "}
            <Link className="font-mono text-sky-700 hover:underline" href={`${base}/${s.lastSuccessful.id}`}>
              {s.lastSuccessful.displayName}
            </Link>{" "}
            (
            <Link
              className="text-sky-700 hover:underline"
              href={`${base}/compare?a=${s.lastSuccessful.id}&b=${id}`}
              data-testid="compare-last-good"
            >
              compare
            </Link>
            ):
          </p>
          <ul className="ml-4 list-disc">
            {changes?.parameters.map((p) => (
              <li key={p.name}>
                parameter <span className="font-mono">{p.name}</span>: {p.a ?? "—"} →{" "}
                <span className="font-semibold">{p.b ?? "—"}</span>
              </li>
            ))}
            {changes?.versionChanged ? (
              <li>
                pipeline definition version {changes.versionChanged.from ?? "?"} →{" "}
                {changes.versionChanged.to ?? "?"}
                {changes.stepsAdded.length > 0 ? `; steps added: ${changes.stepsAdded.join(", ")}` : ""}
                {changes.stepsRemoved.length > 0 ? `; steps removed: ${changes.stepsRemoved.join(", ")}` : ""}
              </li>
            ) : null}
            {changes && changes.parameters.length === 0 && !changes.versionChanged ? (
              <li>nothing in the parameters or the definition version</li>
            ) : null}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-slate-600">No earlier successful run to compare with.</p>
      )}
    </section>
  );
}
