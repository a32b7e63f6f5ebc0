"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "@/components/ui/states";
import { auditQueries } from "@/lib/query-options/audit";

/** "What was in Staging and Production of <group> at <time>". */
export function StagesAt({
  group,
  at,
  onAt,
}: {
  group: string;
  at: string | null;
  onAt: (v: string) => void;
}) {
  const q = useQuery({ ...auditQueries.stages(group, at ?? ""), enabled: Boolean(at) });
  return (
    <section
      className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
      aria-label="Stages at a time"
    >
      <label className="flex flex-wrap items-center gap-2">
        What was live for <strong>{group}</strong> at (UTC)
        <input
          type="datetime-local"
          defaultValue={at ?? ""}
          onChange={(e) => e.target.value && onAt(e.target.value)}
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      {!at ? null : q.isPending ? (
        <p className="mt-2">Looking it up…</p>
      ) : q.isError ? (
        <ErrorState message={q.error.message} retry={() => void q.refetch()} />
      ) : (
        <ul className="mt-2" data-testid="stages-at">
          {q.data.stages.map((s) => (
            <li key={s.stage}>
              <span className="font-medium">{s.stage}:</span>{" "}
              {s.version === undefined
                ? "nothing deployed"
                : `version ${s.version} (since ${new Date(s.since ?? 0).toISOString().slice(0, 16).replace("T", " ")}${s.by ? `, by ${s.by}` : ""}; ${s.source === "sagedeck" ? "SageDeck decision record" : "SageMaker endpoint configs, approximate"})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
