/**
 * Every action name on the audit record, in one place: `recordAudit` takes only these, so a new kind of
 * change adds its name here (and the audit page's filters see it).
 */
import type { Permission } from "@/lib/auth/permissions";

export const CHANGE_ACTIONS = [
  "auth.sign_in",
  "user.create",
  "user.role",
  "user.password",
  "user.disable",
  "user.enable",
  "model.approve",
  "model.reject",
  "model.promote",
  "model.rollback",
  "model.share",
  "model.gate.approve",
  "model.gate.reject",
  "pipelines.start",
  "pipelines.stop",
  "pipelines.retry",
  "maturity.targets.set",
  "maturity.exemption.grant",
  "maturity.exemption.revoke",
  "maturity.snapshot",
  "token.create",
  "token.revoke",
  "notifications.channel.create",
  "notifications.channel.update",
  "notifications.channel.test",
  "notifications.delivery.resend",
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A refused request is recorded under the route's permission, or its HTTP method when it has none. */
export type RefusalAction = Permission | HttpMethod;

export type AuditAction = ChangeAction | RefusalAction;

export const httpMethodOf = (m: string): HttpMethod =>
  HTTP_METHODS.find((x) => x === m.toUpperCase()) ?? "POST";

const DECISION_ACTIONS = {
  approve: "model.approve",
  reject: "model.reject",
  promote: "model.promote",
  rollback: "model.rollback",
  "gate-approve": "model.gate.approve",
  "gate-reject": "model.gate.reject",
} as const satisfies Record<string, ChangeAction>;

const RUN_ACTIONS = {
  start: "pipelines.start",
  stop: "pipelines.stop",
  retry: "pipelines.retry",
} as const satisfies Record<string, ChangeAction>;

function lookup<T extends Record<string, ChangeAction>>(table: T, kind: string, what: string): ChangeAction {
  const hit = Object.entries(table).find(([k]) => k === kind);
  if (!hit) throw new Error(`no audit action for ${what} "${kind}"`);
  return hit[1];
}

/** The audit action of a decision row's `action` (approve, reject, promote, rollback). */
export const decisionAuditAction = (kind: string) => lookup(DECISION_ACTIONS, kind, "decision");
/** The audit action of a pipeline run action row's `action` (start, stop, retry). */
export const runAuditAction = (kind: string) => lookup(RUN_ACTIONS, kind, "run action");
