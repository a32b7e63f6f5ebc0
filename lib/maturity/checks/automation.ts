/** who starts the pipelines — CI/CD and schedules, or people (SageMaker's CreatedBy per execution). */
import type { Identity, MaturityConfig } from "../types";
import { firstN, grade, inWindow, need, ratio, type CheckDefinition } from "./define";

/** Whether SageMaker's CreatedBy was read for it: a Studio user or an IAM principal. */
export const hasCreator = (who: Identity): boolean => !!(who.userProfileName || who.iamArn);

export function isAutomation(who: Identity, cfg: MaturityConfig): boolean {
  if (who.userProfileName) return false;
  const arn = (who.iamArn ?? "").toLowerCase();
  return arn !== "" && cfg.automationPrincipals.some((p) => arn.includes(p.toLowerCase()));
}

export const AUTOMATED_STARTS: CheckDefinition = {
  id: "R-7",
  phase: "Repeatable",
  required: false,
  title: "Pipelines started by CI/CD or a schedule, not by hand",
  threshold:
    "≥50% of executions in the window whose creator (CreatedBy) was read started by automation roles (partial: some)",
  action: "Start pipelines from the CI/CD build on merge and/or an EventBridge schedule.",
  run(e, cfg) {
    const execs = need(e.pipelines).flatMap((p) => p.executions.filter((x) => inWindow(x.startedAt, e, cfg)));
    // only executions whose CreatedBy was read count: an unknown creator is neither a person nor a role
    const read = execs.filter((x) => hasCreator(x.createdBy));
    const unread = execs.length - read.length;
    const auto = read.filter((x) => isAutomation(x.createdBy, cfg));
    const rest = unread > 0 ? `; ${unread} executions without a recorded creator not counted` : "";
    if (read.length === 0)
      return {
        status: execs.length === 0 ? "na" : "unknown",
        observed:
          execs.length === 0
            ? `no pipeline executions in ${cfg.windowDays} days`
            : `the creator (CreatedBy) of none of ${execs.length} executions could be read`,
      };
    const byHand = read.filter((x) => !isAutomation(x.createdBy, cfg));
    return {
      status: grade(auto.length, read.length, 0.5, 0),
      observed: `${ratio(auto.length, read.length)} of executions whose creator (CreatedBy) was read started by automation${rest}`,
      evidence: [
        ...firstN(auto, 3).map((x) => ({
          label: `started by automation: ${x.ref.label}`,
          ref: x.ref,
          value: x.createdBy.iamArn,
          at: x.startedAt,
        })),
        ...firstN(byHand, 3).map((x) => ({
          label: `started by hand: ${x.ref.label}`,
          ref: x.ref,
          value: x.createdBy.userProfileName ?? x.createdBy.iamArn,
          at: x.startedAt,
        })),
      ],
    };
  },
};
