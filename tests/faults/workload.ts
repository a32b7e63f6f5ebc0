/**
 * What approvers and scientists do during a fault mix, through the API as a real client does (client.ts): approve
 * and reject versions, promote to Staging and roll back (following each rollout), start pipeline runs and stop
 * one; meanwhile a viewer keeps reading lists and pages. Each mix works on its own model groups and its own
 * Idempotency-Key prefix, so the checker can judge each mix apart.
 */
import { createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";
import type { FaultClient, Outcome } from "./client";
import type { MixScope } from "./checker";

export const PIPELINES = ["churn-train", "fraud-graph-train"];

type DecisionBody = { decision?: { id?: string; state?: string }; error?: { message?: string } };

/** The mix's model groups: two promotion chains (two versions each) and one group of four to approve/reject. */
export async function setupMix(emulatorUrl: string, mix: string): Promise<MixScope & { tag: string }> {
  const groups = [`fx${mix}-p1`, `fx${mix}-p2`, `fx${mix}-ap`];
  for (const g of groups) {
    // a team per group: groups of one team are one solution and share its stage endpoints
    await createGroup(emulatorUrl, g, g);
    for (let i = 0; i < (g.endsWith("ap") ? 4 : 2); i++)
      await registerVersion(emulatorUrl, g, "data-scientist");
  }
  return { name: mix, tag: mix, groups, keyPrefix: `fx${mix}-`, pipelines: PIPELINES };
}

export interface Actors {
  approver: FaultClient;
  scientist: FaultClient;
}

/** A decision change, followed to its end when answered 202: its final state ("refused 409" etc. otherwise). */
async function decide(a: Actors, path: string, body: unknown, key: string, base?: string): Promise<string> {
  const r: Outcome<DecisionBody> = await a.approver.change<DecisionBody>(path, body, { key, base });
  const id = r.body?.decision?.id;
  if (r.status === 202 && id) return a.approver.follow(id);
  if (typeof r.status === "number" && r.status < 300) return r.body?.decision?.state ?? "?";
  return `${r.status} ${r.body?.error?.message ?? ""}`.trim();
}

const key = (scope: MixScope) => `${scope.keyPrefix}${crypto.randomUUID()}`;

/** approve v1 → promote v1 to Staging → approve v2 → promote v2 → roll Staging back to v1. */
export async function promotionChain(a: Actors, scope: MixScope, group: string): Promise<string[]> {
  const steps: string[] = [];
  const reason = { reason: `fault mix ${scope.name}` };
  steps.push(
    await decide(
      a,
      `/api/models/${group}/1/approve`,
      { expectedStatus: "PendingManualApproval", ...reason },
      key(scope),
    ),
  );
  steps.push(
    await decide(
      a,
      `/api/models/${group}/1/promote`,
      { stage: "Staging", expectedStage: "Development", ...reason },
      key(scope),
    ),
  );
  if (steps[1] !== "applied") return steps;
  steps.push(
    await decide(
      a,
      `/api/models/${group}/2/approve`,
      { expectedStatus: "PendingManualApproval", ...reason },
      key(scope),
    ),
  );
  steps.push(
    await decide(
      a,
      `/api/models/${group}/2/promote`,
      { stage: "Staging", expectedStage: "Development", ...reason },
      key(scope),
    ),
  );
  if (steps[3] !== "applied") return steps;
  steps.push(
    await decide(
      a,
      `/api/models/${group}/rollback`,
      { stage: "Staging", expectedVersion: 2, ...reason },
      key(scope),
    ),
  );
  return steps;
}

/** approve v1, v2 and v4, reject v3 — at once. */
export function approvals(a: Actors, scope: MixScope, group: string): Promise<string[]> {
  return Promise.all(
    [1, 2, 3, 4].map((v) =>
      decide(
        a,
        `/api/models/${group}/${v}/${v === 3 ? "reject" : "approve"}`,
        { expectedStatus: "PendingManualApproval", reason: `fault mix ${scope.name}` },
        key(scope),
      ),
    ),
  );
}

/** Starts a run (its display name is its Idempotency-Key): the execution ARN, or the answer. */
export async function startRun(
  a: Actors,
  scope: MixScope,
  pipeline: string,
  base?: string,
): Promise<{ arn?: string; answer: string }> {
  const k = key(scope);
  const r = await a.scientist.change<{ executionArn?: string; error?: { message?: string } }>(
    `/api/pipelines/${pipeline}/executions`,
    { parameters: {}, displayName: k },
    { key: k, base },
  );
  return { arn: r.body?.executionArn, answer: `${r.status} ${r.body?.error?.message ?? ""}`.trim() };
}

export async function stopRun(a: Actors, scope: MixScope, executionArn: string): Promise<string> {
  const [, pipeline = "", id = ""] = /pipeline\/([^/]+)\/execution\/(.+)$/.exec(executionArn) ?? [];
  const r = await a.scientist.change<{ error?: { message?: string } }>(
    `/api/pipelines/${pipeline}/executions/${id}/stop`,
    {},
    { key: key(scope) },
  );
  return `${r.status} ${r.body?.error?.message ?? ""}`.trim();
}

/** Two runs started, the first one stopped. */
export async function runs(a: Actors, scope: MixScope): Promise<string[]> {
  const started = await Promise.all(PIPELINES.map((p) => startRun(a, scope, p)));
  const first = started[0]?.arn;
  const stopped = first ? await stopRun(a, scope, first) : "no run to stop";
  return [...started.map((s) => s.answer), `stop: ${stopped}`];
}

/** A viewer reading lists and pages until `until` resolves (the latencies land in the client's log). */
export async function reader(viewer: FaultClient, until: Promise<unknown>): Promise<void> {
  let done = false;
  const stop = () => {
    done = true;
  };
  until.then(stop, stop);
  const reads: [string, "read" | "page"][] = [
    ["/api/models", "read"],
    ["/approvals", "page"],
    ["/api/approvals", "read"],
    ["/models", "page"],
    ["/api/pipelines", "read"],
    ["/pipelines", "page"],
  ];
  for (let i = 0; !done; i++) {
    const [path, kind] = reads[i % reads.length] ?? ["/api/models", "read"];
    await viewer.read(path, kind);
    await new Promise((r) => setTimeout(r, 100));
  }
}
