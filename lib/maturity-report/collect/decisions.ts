/** SageDeck's own decision record (approvals engineer's `decisions` table) as maturity evidence. */
import { getDb } from "@/lib/db";
import { decisionsForGroup } from "@/lib/db/decisions";
import type { DecisionEvidence, Stage } from "@/lib/maturity/types";

const ACTIONS: DecisionEvidence["action"][] = ["approve", "reject", "promote", "rollback"];
const STAGES: Record<string, Stage> = { Production: "prod", Staging: "staging", Development: "dev" };

/** Applied decisions on the given model package groups, oldest first. */
export async function decisionsFromDb(groups: string[]): Promise<DecisionEvidence[]> {
  const db = await getDb();
  const rows = (await Promise.all(groups.map((g) => decisionsForGroup(db, g)))).flat();
  return rows
    .filter((r) => r.state === "applied")
    .flatMap((r) => {
      const action = ACTIONS.find((a) => a === r.action);
      if (!action) return [];
      return [
        {
          packageArn: r.modelPackageArn,
          action,
          actor: r.actor,
          at: (r.completedAt ?? r.createdAt).getTime(),
          reason: r.reason ?? undefined,
          stage: r.targetStage ? STAGES[r.targetStage] : undefined,
        },
      ];
    })
    .sort((a, b) => a.at - b.at);
}
