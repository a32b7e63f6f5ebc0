"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/states";
import { Timestamp } from "@/components/ui/timestamp";
import type { ExemptionState, ExemptionView } from "@/lib/maturity-governance/views";
import { maturityQueries } from "@/lib/query-options/maturity";
import { queryError } from "@/components/ui/query-error";

const TONE = { active: "blue", expired: "amber", revoked: "neutral" } as const;
const LABEL: Record<ExemptionState, string> = { active: "Active", expired: "Expired", revoked: "Ended" };

const COLUMNS: DataColumn<ExemptionView>[] = [
  { id: "check", header: "Check", className: "font-mono", nowrap: true, cell: (x) => x.checkId },
  { id: "state", header: "State", cell: (x) => <Badge tone={TONE[x.state]}>{LABEL[x.state]}</Badge> },
  { id: "reason", header: "Reason", cell: (x) => x.reason },
  {
    id: "granted",
    header: "Granted",
    cell: (x) => (
      <>
        {x.grantedByName}, <Timestamp at={x.grantedAt} />
      </>
    ),
  },
  { id: "expires", header: "Expires", cell: (x) => <Timestamp at={x.expiresAt} /> },
  {
    id: "ended",
    header: "Ended",
    cell: (x) =>
      x.revokedAt ? (
        <>
          {x.revokedBy === "system:expired" ? "expired" : `revoked by ${x.revokedBy ?? "?"}`},{" "}
          <Timestamp at={x.revokedAt} />
        </>
      ) : (
        "—"
      ),
  },
];

/** Every exemption of the solution: open ones first, then expired and ended ones (the audit trail's summary). */
export function ExemptionList({ solutionKey }: { solutionKey: string }) {
  const { data, error, isPending, refetch } = useQuery(maturityQueries.exemptions(solutionKey));
  return (
    <DataTable
      label="Exemptions"
      loading={isPending}
      loadingRows={2}
      loadingLabel="Loading exemptions"
      error={queryError({ error, refetch }, "Exemptions could not be loaded")}
      empty={
        <EmptyState title="No exemptions">
          Managers can exempt a check that does not pass, with a reason and an expiry.
        </EmptyState>
      }
      columns={COLUMNS}
      rows={data?.exemptions ?? []}
      rowId={(x) => String(x.id)}
    />
  );
}
