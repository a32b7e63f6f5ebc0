/** Moves Stopping training/processing jobs to Stopped once their stop is due. */
import { defineTicker } from "../../core/registry";
import { pendingStops } from "./store";

defineTicker("jobs.stops", async (ctx) => {
  if (pendingStops(ctx.state).size === 0) return;
  for (const [k, due] of [...pendingStops(ctx.state).entries()]) {
    if (due > ctx.now()) continue;
    pendingStops(ctx.state).delete(k);
    const [kind, name] = k.split(":");
    if (!name) continue;
    const op = kind === "training" ? "_CompleteTrainingJob" : "_CompleteProcessingJob";
    const member = kind === "training" ? "TrainingJobName" : "ProcessingJobName";
    const status = kind === "training" ? "TrainingJobStatus" : "ProcessingJobStatus";
    await ctx.call(op, { [member]: name, [status]: "Stopped" }).catch(() => undefined);
  }
});
