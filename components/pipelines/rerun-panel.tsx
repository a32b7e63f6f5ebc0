"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LiveFieldset } from "@/components/ui/live-fieldset";
import type { ExecutionView } from "@/lib/pipelines/read-models";
import { useActionKey } from "@/lib/query-options/action-key";
import { fetchJson } from "@/lib/query-options/fetcher";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { routes } from "@/lib/routes";

/** The steps that wait for `from`, directly or not (from the definition's edges). */
function downstreamOf(e: ExecutionView, from: string): string[] {
  const out = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const cur = queue.shift() ?? "";
    for (const s of e.definitionSteps)
      if (s.dependsOn.includes(cur) && !out.has(s.name)) {
        out.add(s.name);
        queue.push(s.name);
      }
  }
  return [...out];
}

/**
 * Re-run from a step of a finished execution: pick the steps (the failed one preselected), fix parameters, and
 * start a new execution that runs only them (SelectiveExecutionConfig); the other steps' results are reused.
 */
export function RerunPanel({ pipeline, execution }: { pipeline: string; execution: ExecutionView }) {
  const failed = execution.steps.find((s) => s.status === "Failed")?.name;
  const [steps, setSteps] = useState<string[]>(failed ? [failed] : []);
  const [params, setParams] = useState<Record<string, string>>(execution.parameters);
  const key = useActionKey();
  const router = useRouter();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      fetchJson<{ executionId: string }>(`/api/pipelines/${encodeURIComponent(pipeline)}/executions`, {
        method: "POST",
        headers: { "Idempotency-Key": key.get() },
        body: JSON.stringify({ parameters: params, rerun: { sourceExecutionId: execution.id, steps } }),
      }),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: pipelineQueries.all });
      router.push(`${routes.pipelines}/${encodeURIComponent(pipeline)}/executions/${r.executionId}`);
    },
    onSettled: (_r, error) => key.settle(error),
  });
  const toggle = (name: string) =>
    setSteps((cur) => (cur.includes(name) ? cur.filter((s) => s !== name) : [...cur, name]));
  return (
    <section
      aria-labelledby="rerun-title"
      className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800"
      data-testid="rerun-panel"
    >
      <h2 id="rerun-title" className="font-semibold">
        Re-run from a step
      </h2>
      <p className="text-xs text-slate-500">
        Only the picked steps run; the others reuse this execution&apos;s results.
      </p>
      <LiveFieldset className="space-y-3">
        <fieldset className="space-y-1 text-sm">
          <legend className="sr-only">Steps to re-run</legend>
          {execution.definitionSteps.map((s) => (
            <label key={s.name} className="flex items-center gap-2 font-mono text-xs">
              <input type="checkbox" checked={steps.includes(s.name)} onChange={() => toggle(s.name)} />
              {s.name}
            </label>
          ))}
        </fieldset>
        {steps.length > 0 ? (
          <Button
            size="sm"
            onClick={() =>
              setSteps((cur) => [...new Set([...cur, ...cur.flatMap((s) => downstreamOf(execution, s))])])
            }
          >
            Add the steps after them
          </Button>
        ) : null}
        <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1 text-xs">
          {Object.entries(params).map(([name, value]) => (
            <label key={name} className="contents">
              <span className="font-mono text-slate-500">{name}</span>
              <input
                aria-label={`Parameter ${name}`}
                className="rounded border border-slate-300 px-1 py-0.5 font-mono dark:border-slate-700 dark:bg-slate-900"
                value={value}
                onChange={(ev) => setParams((p) => ({ ...p, [name]: ev.target.value }))}
              />
            </label>
          ))}
        </div>
        <Button
          variant="primary"
          disabled={steps.length === 0}
          pending={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          Re-run {steps.length === 1 ? `“${steps[0]}”` : `${steps.length} steps`}
        </Button>
      </LiveFieldset>
      {mutation.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {mutation.error.message}
        </p>
      ) : null}
    </section>
  );
}
