"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "@/components/ui/states";
import { deployPipelineQueries } from "@/lib/query-options/deploy-pipelines";
import { GateCard } from "./gate-card";

/** Deploy pipeline gates waiting for an answer, shown in the inbox beside registry approvals. */
export function GatesList({ group }: { group?: string }) {
  const q = useQuery(deployPipelineQueries.gates({ group }));
  if (q.isPending) return null;
  if (q.isError) return <ErrorState message={`Could not load the deploy gates: ${q.error.message}`} />;
  if (q.data.gates.length === 0) return null;
  return (
    <section className="space-y-2">
      <h2 className="font-semibold">Deploy gates waiting</h2>
      <ul className="space-y-3" aria-label="Deploy gates waiting">
        {q.data.gates.map((g) => (
          <GateCard key={g.key} gate={g} />
        ))}
      </ul>
    </section>
  );
}
