/**
 * The organisation's "Waiting for a decision" KPI from the waiting queue itself (every version pending
 * manual approval, the approvals inbox's list — lib/overview/waiting-queue.ts), not from the collector's
 * newest versions per group, which undercount it. `p90` carries the oldest wait in hours (the tile writes it
 * with lib/overview/waited.ts: minutes under an hour, hours under 48 h, days beyond).
 */
import { WAIT_UNITS } from "@/lib/overview/waited";
import type { Kpi } from "./kpis";

/** The detail is written by lib/overview/waited.ts: its units come from there, so the text says what is shown. */
export const QUEUE_DEFINITION = `Versions pending manual approval now, in every model group (the approvals inbox's list); the detail is how long the oldest has waited (${WAIT_UNITS}).`;

/**
 * A solution's own tile (and the organisation's before the live queue replaces it): the collector's versions of
 * that solution's model groups, as of its last collection — not "every model group".
 */
export const COLLECTED_QUEUE_DEFINITION = `Versions pending manual approval in the model groups this figure covers (a solution's own groups on its page), as of the last evidence collection; the detail is how long the oldest has waited (${WAIT_UNITS}).`;

export function withWaitingQueue<K extends Kpi>(
  kpis: K[],
  queue: { count: number; capped: boolean; oldestAt: number | undefined } | undefined,
  now: number,
): K[] {
  if (!queue) return kpis;
  return kpis.map((k) =>
    k.id !== "approvalQueue"
      ? k
      : {
          ...k,
          definition: QUEUE_DEFINITION,
          value: queue.count,
          p90:
            queue.oldestAt === undefined
              ? undefined
              : Math.round(((now - queue.oldestAt) / 3_600_000) * 10) / 10,
          n: queue.count,
          partialData: queue.capped
            ? `more than ${queue.count} versions wait; counted the first ${queue.count}`
            : k.partialData,
        },
  );
}
