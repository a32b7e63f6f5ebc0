"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { Timestamp } from "@/components/ui/timestamp";
import { maturityQueries } from "@/lib/query-options/maturity";
import type { ExemptionState } from "@/lib/maturity-governance/views";

const TONE = { active: "blue", expired: "amber", revoked: "neutral" } as const;
const LABEL: Record<ExemptionState, string> = { active: "Active", expired: "Expired", revoked: "Ended" };

/** Every exemption of the solution: open ones first, then expired and ended ones (the audit trail's summary). */
export function ExemptionList({ solutionKey }: { solutionKey: string }) {
  const { data, error, isPending, refetch } = useQuery(maturityQueries.exemptions(solutionKey));
  if (isPending) return <LoadingBlock rows={2} label="Loading exemptions" />;
  if (error)
    return <ErrorState message={`Exemptions could not be loaded: ${error.message}`} retry={refetch} />;
  if (data.exemptions.length === 0)
    return (
      <EmptyState title="No exemptions">
        Managers can exempt a check that does not pass, with a reason and an expiry.
      </EmptyState>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Exemptions">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-normal">Check</th>
            <th className="py-1 pr-3 font-normal">State</th>
            <th className="py-1 pr-3 font-normal">Reason</th>
            <th className="py-1 pr-3 font-normal">Granted</th>
            <th className="py-1 pr-3 font-normal">Expires</th>
            <th className="py-1 font-normal">Ended</th>
          </tr>
        </thead>
        <tbody>
          {data.exemptions.map((x) => (
            <tr key={x.id} className="border-t border-slate-200 align-top dark:border-slate-800">
              <td className="py-1 pr-3 font-mono">{x.checkId}</td>
              <td className="py-1 pr-3">
                <Badge tone={TONE[x.state]}>{LABEL[x.state]}</Badge>
              </td>
              <td className="py-1 pr-3">{x.reason}</td>
              <td className="py-1 pr-3">
                {x.grantedByName}, <Timestamp at={x.grantedAt} />
              </td>
              <td className="py-1 pr-3">
                <Timestamp at={x.expiresAt} />
              </td>
              <td className="py-1">
                {x.revokedAt ? (
                  <>
                    {x.revokedBy === "system:expired" ? "expired" : `revoked by ${x.revokedBy ?? "?"}`},{" "}
                    <Timestamp at={x.revokedAt} />
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
