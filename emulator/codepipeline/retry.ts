/** RetryStageExecution's restart of a runOrder group: its failed actions, or every action of it. */
import type { Ctx } from "../core/context";
import { latestRun, startAction } from "./engine";
import type { ExecutionRecord, PipelineRecord, StageDecl } from "./store";

export async function restartGroup(
  ctx: Ctx,
  p: PipelineRecord,
  e: ExecutionRecord,
  decl: StageDecl,
  order: number,
  all: boolean,
  at: number,
): Promise<void> {
  for (const a of decl.actions.filter((x) => (x.runOrder ?? 1) === order)) {
    const prev = latestRun(e, decl.name, a.name);
    if (!all && prev?.status === "Succeeded") continue;
    await startAction(ctx, p, e, decl, a, at);
  }
}
