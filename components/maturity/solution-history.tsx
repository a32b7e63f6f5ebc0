"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazyComponent } from "@/components/ui/lazy";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { Timestamp } from "@/components/ui/timestamp";
import { maturityQueries } from "@/lib/query-options/maturity";
import { maturityHistoryQueries, takeSnapshotNow } from "@/lib/query-options/maturity-history";
import type { HistoryPoint } from "@/lib/maturity-history/history";
import { Button } from "@/components/ui/button";

const SolutionHistoryChart = lazyComponent(
  () => import("./solution-history-chart").then((m) => m.SolutionHistoryChart),
  { ssr: false, loading: () => <LoadingBlock rows={4} label="Drawing the history" /> },
);

const DAYS = 90;

function sourceCaption(points: HistoryPoint[]): string {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.source, (counts.get(p.source) ?? 0) + 1);
  const parts = [...counts].map(([s, n]) => `${n} ${s}`);
  const reconstructed = counts.has("reconstructed")
    ? " Reconstructed points are weekly estimates from today's evidence (what existed at the time), made when SageDeck first ran."
    : "";
  return `${points.length} ${points.length === 1 ? "point" : "points"}: ${parts.join(", ")}.${reconstructed}`;
}

/** Take snapshot now (managers and admins): collects afresh and stores a point for every solution. */
function SnapshotButton() {
  const client = useQueryClient();
  const me = useQuery(maturityHistoryQueries.me());
  const mutation = useMutation({
    mutationFn: takeSnapshotNow,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: maturityHistoryQueries.all });
      void client.invalidateQueries({ queryKey: maturityQueries.all });
    },
  });
  if (!me.data?.permissions.includes("maturity.manage")) return null;
  return (
    <span className="flex items-center gap-2">
      <Button pending={mutation.isPending} onClick={() => mutation.mutate()}>
        {mutation.isPending ? "Taking snapshot…" : "Take snapshot now"}
      </Button>
      {mutation.isError ? (
        <span role="status" className="text-sm text-red-700 dark:text-red-400">
          The snapshot was not taken: {mutation.error.message}
        </span>
      ) : null}
    </span>
  );
}

/** Phase and score of one solution over the last 90 days, from stored snapshots. */
export function SolutionHistory({ solutionKey }: { solutionKey: string }) {
  const { data, error, isPending, refetch } = useQuery(maturityHistoryQueries.history(solutionKey, DAYS));
  const last = data?.points.at(-1);
  return (
    <section aria-labelledby="history-title" className="space-y-3" data-testid="solution-history">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="history-title" className="text-lg font-semibold">
          History ({DAYS} days)
        </h2>
        <SnapshotButton />
      </div>
      {isPending ? (
        <LoadingBlock rows={4} label="Loading the history" />
      ) : error ? (
        <ErrorState message={`The history could not be loaded: ${error.message}`} retry={refetch} />
      ) : data.points.length === 0 ? (
        <EmptyState title="No snapshots yet">
          SageDeck stores a snapshot of every solution on a schedule (MATURITY_SNAPSHOT_MINUTES, hourly by
          default); the first appears within the hour. A manager can take one now.
        </EmptyState>
      ) : (
        <figure className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
          <SolutionHistoryChart points={data.points} />
          <figcaption className="mt-1 text-xs text-slate-500">
            <span data-testid="history-points" data-count={data.points.length}>
              {sourceCaption(data.points)}
            </span>{" "}
            Last snapshot{" "}
            <span data-testid="history-last">
              <Timestamp at={last?.at} />
            </span>
            .
          </figcaption>
        </figure>
      )}
    </section>
  );
}
