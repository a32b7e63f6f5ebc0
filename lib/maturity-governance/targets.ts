/** Maturity targets: the organisation's defaults ("*") and per-solution overrides. Audited, manage only. */
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import {
  getTargets,
  listTargets,
  ORG_KEY,
  resolveTargets,
  setTargets as writeTargets,
} from "@/lib/db/maturity-targets";
import { getSolutionReport, invalidateMaturity } from "@/lib/maturity-report/report";
import { requireManage, type GovernanceContext } from "./exemptions";
import type { TargetsInput } from "./schemas";
import { toTargetsRowView, type TargetsView } from "./views";

export async function targetsView(db: Db, solution?: string): Promise<TargetsView> {
  const rows = await listTargets(db);
  const org = rows.find((r) => r.solutionKey === ORG_KEY);
  return {
    organisation: org ? toTargetsRowView(org) : null,
    solutions: rows.filter((r) => r.solutionKey !== ORG_KEY).map(toTargetsRowView),
    effective: resolveTargets(rows, solution),
  };
}

/**
 * Sets the organisation's targets, or one solution's override (the solution must exist in the report). A null
 * clears a value: for a solution it then follows the organisation's default again.
 */
export async function setTargets(ctx: GovernanceContext, input: TargetsInput): Promise<TargetsView> {
  requireManage(ctx.user);
  const key = input.solution ?? ORG_KEY;
  if (input.solution) await (ctx.report ?? getSolutionReport)(input.solution); // 404 when unknown
  const values = { approvalSlaHours: input.approvalSlaHours, leadTimeTargetHours: input.leadTimeTargetHours };
  await ctx.db.transaction(async (tx) => {
    const before = await getTargets(tx, key);
    await writeTargets(tx, key, values, ctx.user.username, ctx.now ?? new Date());
    await recordAudit(tx, {
      actor: ctx.user.username,
      actorRole: ctx.user.role,
      action: "maturity.targets.set",
      target: key === ORG_KEY ? "maturity/targets" : `maturity/${key}/targets`,
      details: {
        solution: key,
        from: before
          ? { approvalSlaHours: before.approvalSlaHours, leadTimeTargetHours: before.leadTimeTargetHours }
          : null,
        to: values,
      },
      requestId: ctx.requestId,
    });
  });
  invalidateMaturity();
  return targetsView(ctx.db, input.solution);
}
