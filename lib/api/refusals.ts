import { getDb } from "@/lib/db";
import type { RefusalAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/db/audit";

export interface Refusal {
  actor: string | null;
  actorRole: string | null;
  /** the route's permission, or the HTTP method for routes without one */
  action: RefusalAction;
  target: string;
  status: number;
  code: string;
  message: string;
  requestId: string;
  address: string | null;
}

/** At most this many refusal rows per actor (or client address) per minute, and this many in all. */
export const REFUSALS_PER_KEY_PER_MINUTE = 20;
export const REFUSALS_PER_MINUTE = 300;

interface Window {
  minute: number;
  written: number;
  suppressed: number;
}

const windows = new Map<string, Window>();
const total: Window = { minute: 0, written: 0, suppressed: 0 };

function windowFor(key: string, minute: number): Window {
  let w = windows.get(key);
  if (!w) {
    if (windows.size > 10_000) {
      for (const [k, old] of windows) if (old.minute < minute && old.suppressed === 0) windows.delete(k);
    }
    w = { minute, written: 0, suppressed: 0 };
    windows.set(key, w);
  }
  if (w.minute !== minute) {
    w.minute = minute;
    w.written = 0;
  }
  return w;
}

/** Forgets the counters (tests). */
export function resetRefusalLimits(): void {
  windows.clear();
  Object.assign(total, { minute: 0, written: 0, suppressed: 0 });
}

/**
 * Puts a refused request on the record (outcome "refused"). Rate-limited per actor-or-address and overall;
 * suppressed rows are counted and the count is written with the key's next row. A failure to write is logged
 * and never changes the answer.
 */
export async function recordRefusal(r: Refusal, now = Date.now()): Promise<void> {
  const minute = Math.floor(now / 60_000);
  const key = r.actor ? `user:${r.actor}` : `addr:${r.address ?? "unknown"}`;
  const w = windowFor(key, minute);
  if (total.minute !== minute) Object.assign(total, { minute, written: 0 });
  if (w.written >= REFUSALS_PER_KEY_PER_MINUTE || total.written >= REFUSALS_PER_MINUTE) {
    w.suppressed++;
    return;
  }
  const suppressed = w.suppressed;
  w.written++;
  w.suppressed = 0;
  total.written++;
  try {
    await recordAudit(await getDb(), {
      actor: r.actor ?? "anonymous",
      actorRole: r.actorRole ?? "none",
      action: r.action,
      target: r.target,
      outcome: "refused",
      details: {
        status: r.status,
        code: r.code,
        message: r.message,
        ...(r.address ? { address: r.address } : {}),
        ...(suppressed > 0 ? { suppressedBefore: suppressed } : {}),
      },
      requestId: r.requestId,
    });
  } catch (err) {
    w.suppressed += suppressed; // keep the count for the next row
    const reason = err instanceof Error ? err.message : String(err);
    console.error(`[api] ${r.requestId} could not record the refusal of ${r.action} ${r.target}: ${reason}`);
  }
}
