"use client";

import { useQuery } from "@tanstack/react-query";
import { endpointQueries } from "@/lib/query-options/endpoints";
import { instancesText, ScalingSummary } from "./scaling";

/** The production endpoint's size and autoscaling on a version page (its row of the Endpoints API). */
export function StageScaling({ endpoint, account }: { endpoint: string; account: string }) {
  const q = useQuery(endpointQueries.list({ account, stage: "Production", q: endpoint }));
  const row = q.data?.items.find((e) => e.name === endpoint && e.account === account);
  if (!row) return null;
  return (
    <div className="mt-1 ml-4 space-y-1 text-xs" data-testid="production-scaling">
      <div>Instances: {instancesText(row.scaling)}</div>
      <ScalingSummary scaling={row.scaling} endpoint={row.name} account={row.account} />
    </div>
  );
}
