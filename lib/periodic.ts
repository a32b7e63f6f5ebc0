import { outsideRequest } from "@/lib/audit/via-token";
import { getDb, type Db } from "@/lib/db";
import { outsideAccountScope } from "@/lib/sagemaker/accounts/context";

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
  // nor its person/account scope (their STS sessions are not that person's)
  const detached = <T>(fn: () => T): T => outsideRequest(() => outsideAccountScope(fn));
  const timer = detached(() => setInterval(() => void tick(), everyMs));
  timer.unref();
  timers.sagedeckPeriodic.set(name, timer);
  detached(() => void tick());
}
