import type { Role } from "./roles";

/**
 * The permission table from DESIGN.md, in one place. The server checks these on every route;
 * the UI only uses them to hide what the user cannot do.
 */
export const PERMISSIONS = {
  read: ["viewer", "scientist", "approver", "manager", "admin"],
  "pipelines.run": ["scientist", "admin"],
  "models.decide": ["approver", "admin"],
  "models.promote": ["approver", "admin"],
  "maturity.manage": ["manager", "admin"],
  /** Not in DESIGN.md's table: a model group's resource policy (registry sharing with other accounts) is an admin's. */
  "models.share": ["admin"],
  /** Not in DESIGN.md's table: managing local accounts is an admin task. */
  "users.manage": ["admin"],
  /** Not in DESIGN.md's table: SageDeck's settings (the AWS accounts it works in, how it reaches them). */
  "settings.read": ["admin"],
  /** Not in DESIGN.md's table: notification channels and deliveries (issue 21). */
  "notifications.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const PERMISSION_LABELS: Record<Permission, string> = {
  read: "read experiments, pipelines, models, maturity and audit",
  "pipelines.run": "start, stop or retry pipeline runs",
  "models.decide": "approve or reject model versions",
  "models.promote": "promote or roll back model versions",
  "maturity.manage": "set maturity targets and exemptions",
  "models.share": "grant other accounts access to a model group",
  "users.manage": "manage user accounts",
  "settings.read": "see SageDeck's settings (AWS accounts and how they are reached)",
  "notifications.manage": "configure notification channels and resend deliveries",
};
