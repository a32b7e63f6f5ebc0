import { outsideRequest } from "@/lib/audit/via-token";
import { getDb, type Db } from "@/lib/db";

const timers = globalThis as unknown as { sagedeckPeriodic?: Map<string, NodeJS.Timeout> };

/**
 * Runs `job` now and then every `everyMs` in this process, once per `name` (the reconcilers, started from
 * instrumentation.ts and the routes that need them); a failed run is logged and the next one tries again.
 */
export function ensurePeriodic(name: string, everyMs: number, job: (db: Db) => Promise<unknown>): void {
  timers.sagedeckPeriodic ??= new Map();
  if (timers.sagedeckPeriodic.has(name)) return;
  const tick = async () => {
    try {
      await job(await getDb());
    } catch (err) {
      console.error(`[${name}] ${(err as Error).message}`);
    }
  };
  // a route may start the job: its runs must not inherit that request's API token (their audit rows are not its)
  const timer = outsideRequest(() => setInterval(() => void tick(), everyMs));
  timer.unref();
  timers.sagedeckPeriodic.set(name, timer);
  outsideRequest(() => void tick());
}
