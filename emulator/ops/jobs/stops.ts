/** Moves Stopping training/processing jobs to Stopped once their stop is due. */
import { defineTicker } from "../../core/registry";
import { pendingStops } from "./store";
import { JOB_KINDS } from "./kinds";

defineTicker("jobs.stops", async (ctx) => {
  if (pendingStops(ctx.state).size === 0) return;
  for (const [key, due] of [...pendingStops(ctx.state).entries()]) {
    if (due > ctx.now()) continue;
    pendingStops(ctx.state).delete(key);
    const [kind, name] = key.split(":");
    const k = JOB_KINDS.find((x) => x.kind === kind);
    if (!name || !k) continue;
    await ctx
      .call(k.complete, { [`${k.noun}JobName`]: name, [`${k.noun}JobStatus`]: "Stopped" })
      .catch(() => undefined);
  }
});
