import type { DecisionView } from "@/lib/approvals/types";

export type PhaseState = "done" | "active" | "waiting" | "failed";
export interface RolloutPhase {
  label: string;
  state: PhaseState;
}
export interface RolloutProgress {
  phases: RolloutPhase[];
  /** the headline: never "applied" while the endpoint still reports Updating */
  label: "Starting" | "Rolling out" | "Finishing" | "InService" | "Failed";
  /** ms since the decision started; until it ended when it has */
  elapsedMs: number;
  /** the endpoint as the page last read it says it is still changing although the decision is applied */
  endpointLagging: boolean;
}

const CHANGING = new Set(["Creating", "Updating", "SystemUpdating", "RollingBack"]);

/**
 * The phases of a promotion or rollback from SageDeck's decision record and the endpoint's status as the page read
 * it: the deployment creates the model and the endpoint config and starts UpdateEndpoint in one step (the decision
 * is `pending` until it returns, `deploying` after), then the endpoint goes Updating → InService (`applied`). A
 * failure before the endpoint changed ("Not deployed: …") fails the first phase, a failed rollout the last.
 */
export function rolloutProgress(
  d: Pick<DecisionView, "state" | "outcome" | "createdAt" | "completedAt" | "endpointName">,
  endpoint: { name: string; status: string } | undefined,
  now: number,
): RolloutProgress {
  const ep = endpoint && endpoint.name === d.endpointName ? endpoint : undefined;
  const endpointLagging = d.state === "applied" && ep !== undefined && CHANGING.has(ep.status);
  const created =
    d.state === "deploying" || d.state === "applied" || (d.state === "failed" && !notDeployed(d));
  const startFailed = d.state === "failed" && notDeployed(d);
  const first: PhaseState = created ? "done" : startFailed ? "failed" : "active";
  const updating: PhaseState =
    d.state === "applied" && !endpointLagging
      ? "done"
      : d.state === "deploying" || endpointLagging
        ? "active"
        : d.state === "failed" && !startFailed
          ? "failed"
          : "waiting";
  const inService: PhaseState = d.state === "applied" && !endpointLagging ? "done" : "waiting";
  const label: RolloutProgress["label"] =
    d.state === "failed"
      ? "Failed"
      : d.state === "applied"
        ? endpointLagging
          ? "Finishing"
          : "InService"
        : d.state === "deploying"
          ? "Rolling out"
          : "Starting";
  const ended = d.state === "applied" || d.state === "failed";
  const end = ended && !endpointLagging ? (d.completedAt ?? now) : now;
  return {
    phases: [
      { label: "Model created", state: first },
      { label: "Endpoint config created", state: first },
      {
        label: `Endpoint Updating${ep && CHANGING.has(ep.status) ? ` (${ep.status})` : ""}`,
        state: updating,
      },
      { label: "Endpoint InService", state: inService },
    ],
    label,
    elapsedMs: Math.max(0, end - d.createdAt),
    endpointLagging,
  };
}

const notDeployed = (d: Pick<DecisionView, "outcome">) => d.outcome?.startsWith("Not deployed") ?? false;

/** "1 min 05 s" */
export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, "0")} s` : `${s} s`;
}
