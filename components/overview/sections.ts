import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export type OverviewSectionId = "approvals" | "runs" | "maturity";

/**
 * The sections a role sees first, from what the role can do: deciders the waiting queue, runners their
 * runs, maturity managers the summary (admins all three). Everyone also sees the generic counts.
 */
export function overviewSections(role: Role): OverviewSectionId[] {
  const out: OverviewSectionId[] = [];
  if (can(role, "models.decide")) out.push("approvals");
  if (can(role, "pipelines.run")) out.push("runs");
  if (can(role, "maturity.manage")) out.push("maturity");
  return out;
}
