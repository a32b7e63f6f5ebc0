/** What the governance API returns: plain JSON (epoch milliseconds), no database rows. */
import type { EffectiveTargets } from "@/lib/db/maturity-targets";
import type { MaturityExemptionRow, MaturityTargetRow } from "@/lib/db/schema";

export type ExemptionState = "active" | "expired" | "revoked";

export interface ExemptionView {
  id: string;
  solutionKey: string;
  checkId: string;
  reason: string;
  grantedBy: string;
  grantedByName: string;
  grantedAt: number;
  expiresAt: number;
  /** set when revoked, or closed by a later grant after it expired */
  revokedAt: number | null;
  /** a username, or "system:expired" */
  revokedBy: string | null;
  state: ExemptionState;
}

export interface TargetsRowView {
  solutionKey: string;
  approvalSlaHours: number | null;
  leadTimeTargetHours: number | null;
  updatedBy: string;
  updatedAt: number;
}

export interface TargetsView {
  /** the organisation's defaults ("*"); null when never set */
  organisation: TargetsRowView | null;
  /** per-solution overrides */
  solutions: TargetsRowView[];
  /** resolved for `solution` when asked, else the organisation's */
  effective: EffectiveTargets;
}

export function toExemptionView(r: MaturityExemptionRow, now = Date.now()): ExemptionView {
  const state: ExemptionState = r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now ? "expired" : "active";
  return {
    id: r.id,
    solutionKey: r.solutionKey,
    checkId: r.checkId,
    reason: r.reason,
    grantedBy: r.grantedBy,
    grantedByName: r.grantedByName,
    grantedAt: r.grantedAt.getTime(),
    expiresAt: r.expiresAt.getTime(),
    revokedAt: r.revokedAt?.getTime() ?? null,
    revokedBy: r.revokedBy,
    state,
  };
}

export function toTargetsRowView(r: MaturityTargetRow): TargetsRowView {
  return {
    solutionKey: r.solutionKey,
    approvalSlaHours: r.approvalSlaHours,
    leadTimeTargetHours: r.leadTimeTargetHours,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.getTime(),
  };
}

/** "2026-12-01 07:40 UTC" for messages. */
export const utc = (d: Date | number) => new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC";
