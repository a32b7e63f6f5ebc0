/** The shape of the server's policy answer (pure: client components import it). */
export type Allowed =
  /** `reasonRequired` (approvals): the organisation requires a written reason (SAGEDECK_APPROVE_REASON) */
  | { allowed: true; reasonRequired?: boolean }
  /** `offered`: shown disabled with the reason (the user may act once it is fixed), not hidden */
  | { allowed: false; reason: string; offered?: true };
export type VersionAction =
  "approve" | "reject" | "promoteStaging" | "promoteProduction" | "rollbackProduction";
export type AllowedActions = Record<VersionAction, Allowed>;

/** Why an action is not allowed (undefined when it is). */
export const whyNot = (a: Allowed): string | undefined => (a.allowed ? undefined : a.reason);
