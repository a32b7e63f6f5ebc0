/** Who answered a gate, and when: from SageDeck's own decision on it when there is one, else from CodePipeline. */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { decisions, type DecisionGate } from "@/lib/db/schema";
import { listActionExecutions, type ActionRunView } from "@/lib/sagemaker/codepipeline";

const when = (ms?: number) =>
  ms ? new Date(ms).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "at an unknown time";

/** The subject decisions serialise on: one gate instance (pipeline, execution, stage, action). */
export const gateSubject = (g: Omit<DecisionGate, "token">) =>
  `gate:${g.pipeline}:${g.executionId}:${g.stage}:${g.action}`;

/** The approval's run in its execution, read now. */
export async function gateRun(g: Omit<DecisionGate, "token">): Promise<ActionRunView | undefined> {
  const runs = await listActionExecutions(g.pipeline, { executionId: g.executionId, fresh: true });
  return runs.find((r) => r.stage === g.stage && r.action === g.action);
}

/** "approved by Alex Approver (SageDeck decision …) at 2025-… UTC" — or what CodePipeline says of the run. */
export async function describeAnswer(db: Db, g: Omit<DecisionGate, "token">): Promise<string> {
  const [mine] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.subject, gateSubject(g)), eq(decisions.state, "applied")))
    .orderBy(desc(decisions.seq))
    .limit(1);
  if (mine)
    return `${mine.toStatus === "Approved" ? "approved" : "rejected"} by ${mine.actorName} via SageDeck (decision ${mine.id}) at ${when(mine.completedAt?.getTime())}`;
  const run = await gateRun(g).catch(() => undefined);
  if (!run) return "no longer waiting";
  if (run.status === "InProgress") return "still waiting, with a newer token (retried)";
  const who = run.updatedBy?.split("/").pop();
  const verb = run.status === "Succeeded" ? "approved" : who ? "rejected" : run.status.toLowerCase();
  return `${verb}${who ? ` by ${who}` : ""} at ${when(run.updatedAt)}${run.summary ? ` ("${run.summary}")` : ""}`;
}
