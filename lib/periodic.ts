import { outsideRequest } from "@/lib/audit/via-token";
import { bumpDataGeneration } from "@/lib/data-generation";
import { getDbHandle, type Db } from "@/lib/db";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { outsideAccountScope } from "@/lib/sagemaker/accounts/context";
import { withJobLease } from "./periodic-lease";

const state = globalThis as unknown as {
  sagedeckPeriodic?: Map<string, NodeJS.Timeout>;
  /** runs under way, so a graceful shutdown can let them finish */
  sagedeckPeriodicRuns?: Set<Promise<void>>;
  sagedeckPeriodicStopped?: boolean;
  sagedeckStopPeriodic?: () => Promise<void>;
};

/**
 * A reconciler's report (`{ applied: 2, failed: 0 }`) counted into sagedeck_reconciler_actions_total; true when it
 * reported any action (then what API reads answer may have changed: lib/data-generation.ts).
 */
function countActions(job: string, result: unknown): boolean {
  if (!result || typeof result !== "object") return false;
  let acted = false;
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === "number" && value > 0) {
      metrics().reconcilerActions.inc({ job, result: key }, value);
      acted = true;
    }
  }
  return acted;
}

/**
 * Runs `job` now and then every `everyMs` in this process, once per `name` (the reconcilers, started from
 * instrumentation.ts and the routes that need them); a failed run is logged and the next one tries again.
 * Across replicas one run at a time (lib/periodic-lease.ts): a tick while another replica runs the job is skipped
 * and counted as `outcome="skipped"`.
 */
export function ensurePeriodic(name: string, everyMs: number, job: (db: Db) => Promise<unknown>): void {
  state.sagedeckPeriodic ??= new Map();
  state.sagedeckPeriodicRuns ??= new Set();
  if (state.sagedeckPeriodic.has(name) || state.sagedeckPeriodicStopped) return;
  const runs = state.sagedeckPeriodicRuns;
  const tick = async () => {
    if (state.sagedeckPeriodicStopped) return;
    const run = (async () => {
      try {
        const handle = await getDbHandle();
        const run = await withJobLease(handle, name, () => job(handle.db));
        if (run.ran && countActions(name, run.result)) bumpDataGeneration();
        metrics().jobRuns.inc({ job: name, outcome: run.ran ? "ok" : "skipped" });
      } catch (err) {
        bumpDataGeneration(); // it may have written part of its work
        metrics().jobRuns.inc({ job: name, outcome: "failed" });
        log("error", `[${name}] run failed, retrying at the next tick`, { job: name, err });
      }
    })();
    runs.add(run);
    await run.finally(() => runs.delete(run));
  };
  // a route may start the job: its runs must not inherit that request's API token (their audit rows are not its)
  // nor its person/account scope (their STS sessions are not that person's)
  const detached = <T>(fn: () => T): T => outsideRequest(() => outsideAccountScope(fn));
  const timer = detached(() => setInterval(() => void tick(), everyMs));
  timer.unref();
  state.sagedeckPeriodic.set(name, timer);
  detached(() => void tick());
}

/**
 * Graceful shutdown: no further runs of any periodic job in this process, and the runs under way are awaited
 * (what they started — a SageMaker call, its outcome row — finishes instead of being cut off).
 */
export async function stopPeriodic(): Promise<void> {
  state.sagedeckPeriodicStopped = true;
  for (const timer of state.sagedeckPeriodic?.values() ?? []) clearInterval(timer);
  state.sagedeckPeriodic?.clear();
  await Promise.all([...(state.sagedeckPeriodicRuns ?? [])]);
}

// the graceful shutdown (lib/lifecycle.ts stopBackground) reaches this through globalThis
state.sagedeckStopPeriodic = stopPeriodic;
