"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ErrorState } from "@/components/ui/states";
import type { StageAt } from "@/lib/audit/log";
import { auditQueries } from "@/lib/query-options/audit";
import { modelRoutes } from "@/lib/routes";

const when = (ms: number | undefined) => new Date(ms ?? 0).toISOString().slice(0, 16).replace("T", " ");

function StageLine({ s }: { s: StageAt }) {
  if (s.version === undefined) return <>nothing deployed</>;
  return (
    <>
      version {s.version} (since {when(s.since)}
      {s.by ? `, by ${s.by}` : ""};{" "}
      {s.source === "sagedeck" ? "SageDeck decision record" : "SageMaker endpoint configs, approximate"})
    </>
  );
}

const input = "rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

/**
 * "What was live in Staging and Production at <time>": for the audit's group when it is filtered, else for every
 * model group (or one typed here). A stage being updated at that time shows the version it served until the
 * endpoint was InService on the new one.
 */
export function StagesAt({
  group,
  at,
  onAt,
}: {
  group?: string;
  at: string | null;
  onAt: (v: string) => void;
}) {
  const [picked, setPicked] = useState(group ?? "");
  const one = useQuery({ ...auditQueries.stages(picked, at ?? ""), enabled: Boolean(at && picked) });
  const all = useQuery({ ...auditQueries.stagesAll(at ?? ""), enabled: Boolean(at && !picked) });
  const q = picked ? one : all;
  return (
    <section
      className="space-y-2 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
      aria-label="Stages at a time"
    >
      <h2 className="font-semibold">What was live at a time</h2>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const g = new FormData(e.currentTarget).get("stages-group");
          setPicked(typeof g === "string" ? g.trim() : "");
        }}
      >
        <label className="flex flex-col">
          Time (UTC)
          <input
            type="datetime-local"
            defaultValue={at ?? ""}
            onChange={(e) => e.target.value && onAt(e.target.value)}
            className={input}
          />
        </label>
        <label className="flex flex-col">
          Model group
          <input
            name="stages-group"
            defaultValue={picked}
            placeholder="all groups"
            onBlur={(e) => setPicked(e.target.value.trim())}
            className={input}
          />
        </label>
      </form>
      {!at ? (
        <p className="text-slate-600 dark:text-slate-400">
          Pick a time to see which version Staging and Production served then
          {picked ? ` for ${picked}` : " for every model group"}.
        </p>
      ) : q.isPending ? (
        <p>Looking it up…</p>
      ) : q.isError ? (
        <ErrorState message={q.error.message} retry={() => void q.refetch()} />
      ) : picked && one.data ? (
        <ul data-testid="stages-at">
          {one.data.stages.map((s) => (
            <li key={s.stage}>
              <span className="font-medium">{s.stage}:</span> <StageLine s={s} />
            </li>
          ))}
        </ul>
      ) : all.data && all.data.groups.length === 0 ? (
        <p data-testid="stages-at-all">No model group had anything deployed at that time.</p>
      ) : all.data ? (
        <table
          className="w-full text-left"
          data-testid="stages-at-all"
          aria-label="What was live, by model group"
        >
          <thead>
            <tr className="text-slate-500">
              <th className="py-1 pr-3 font-medium">Model group</th>
              <th className="py-1 pr-3 font-medium">Staging</th>
              <th className="py-1 font-medium">Production</th>
            </tr>
          </thead>
          <tbody>
            {all.data.groups.map((g) => (
              <tr key={g.group} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-1 pr-3">
                  <Link href={modelRoutes.group(g.group)} className="text-sky-700 hover:underline">
                    {g.group}
                  </Link>
                </td>
                {g.stages.map((s) => (
                  <td key={s.stage} className="py-1 pr-3">
                    <StageLine s={s} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
