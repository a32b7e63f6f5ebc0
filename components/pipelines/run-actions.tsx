"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useActionKey } from "@/lib/query-options/action-key";
import { fetchJson } from "@/lib/query-options/fetcher";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Verb = "stop" | "retry";

/** Stop (while running) and Retry (after a failure), each with a confirmation step; each confirm sends one keyed request. */
export function RunActions({ pipeline, id, status }: { pipeline: string; id: string; status: string }) {
  const client = useQueryClient();
  const keys: Record<Verb, ReturnType<typeof useActionKey>> = { stop: useActionKey(), retry: useActionKey() };
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (verb: Verb) => {
      return fetchJson<{ executionArn: string }>(
        `/api/pipelines/${encodeURIComponent(pipeline)}/executions/${id}/${verb}`,
        { method: "POST", headers: { "Idempotency-Key": keys[verb].get() } },
      );
    },
    onSuccess: (_r, verb) => {
      setDone(verb === "stop" ? "Stop requested." : "Retry started.");
      void client.invalidateQueries({ queryKey: pipelineQueries.all });
    },
    onSettled: (_r, error, verb) => keys[verb].settle(error),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "Executing" ? (
        <ConfirmButton
          variant="danger"
          pending={mutation.isPending}
          question={`Stop execution ${id} of ${pipeline}?`}
          confirmLabel="Confirm stop"
          onConfirm={() => mutation.mutate("stop")}
        >
          Stop
        </ConfirmButton>
      ) : null}
      {status === "Failed" ? (
        <ConfirmButton
          pending={mutation.isPending}
          question={`Retry execution ${id} of ${pipeline} from its failed step?`}
          confirmLabel="Confirm retry"
          onConfirm={() => mutation.mutate("retry")}
        >
          Retry
        </ConfirmButton>
      ) : null}
      {mutation.isError ? (
        <span role="status" className="text-sm text-red-700 dark:text-red-400" data-testid="action-error">
          {mutation.error.message}
        </span>
      ) : done ? (
        <span role="status" className="text-sm text-slate-600">
          {done}
        </span>
      ) : null}
    </div>
  );
}
