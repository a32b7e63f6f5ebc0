"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/states";
import { unknownNameMessage, unknownNames } from "@/lib/experiments/filter-names";
import { experimentQueries } from "@/lib/query-options/experiments";

/** The names a run filter may use: those on the experiment's newest 100 runs (unfiltered). */
export const namesQuery = (experiment: string) =>
  experimentQueries.runs(experiment, { sort: "start", dir: "desc", size: 100 });

/**
 * The empty state of a filtered runs list: when the filter names a metric or parameter that no run has,
 * say so with the closest names, instead of a plain "No runs match".
 */
export function NoRunsMatch({ experiment, filter }: { experiment: string; filter: string | undefined }) {
  const names = useQuery({ ...namesQuery(experiment), enabled: Boolean(filter) });
  const unknown = names.data ? unknownNames(filter, names.data) : [];
  if (unknown.length > 0) {
    return (
      <EmptyState title="The filter names something no run has">
        {unknown.map((u) => (
          <span key={`${u.kind}:${u.name}`} role="alert" className="block">
            {unknownNameMessage(u, "this experiment's newest 100 runs")}
          </span>
        ))}
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No runs match">
      {filter ? "Loosen or clear the filter." : "This experiment has no runs yet."}
    </EmptyState>
  );
}
