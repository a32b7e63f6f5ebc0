/**
 * "Waiting for a decision" — one definition for the organisation KPI, the overview and the approvals inbox:
 * every model version whose ModelApprovalStatus is PendingManualApproval, in every group (the inbox's list);
 * the count is all of them and the oldest is the earliest CreationTime among them.
 */
import { searchVersionPage } from "@/lib/sagemaker/registry/search-versions";

/** Without an exact TotalHits, the count is read over at most this many Search pages of 100. */
export const WAITING_COUNT_PAGES = 10;

export interface WaitingQueue {
  count: number;
  /** more versions wait than were counted (the count is a lower bound) */
  capped: boolean;
  /** CreationTime of the oldest waiting version (epoch ms) */
  oldestAt: number | undefined;
}

/** The queue from the waiting versions (in whatever order). Pure: the one computation every view uses. */
export function waitingQueue(versions: { createdAt?: number }[], capped = false): WaitingQueue {
  const times = versions.flatMap((v) => (v.createdAt === undefined ? [] : [v.createdAt]));
  return { count: versions.length, capped, oldestAt: times.length ? Math.min(...times) : undefined };
}

/** Age of the oldest waiting version at `now`, in ms (undefined when nothing waits). */
export const oldestAgeMs = (q: WaitingQueue, now: number): number | undefined =>
  q.oldestAt === undefined ? undefined : Math.max(0, now - q.oldestAt);

/**
 * Reads the queue: Search over the waiting versions of every group, oldest first — the very read of the inbox's
 * first page (so the overview and the inbox share it) — whose TotalHits is the count and whose first record is
 * the oldest; only when SageMaker gives an estimate are the pages of 100 read (at most WAITING_COUNT_PAGES).
 */
export async function readWaitingQueue(): Promise<WaitingQueue> {
  const first = await searchVersionPage({ status: "PendingManualApproval", order: "Ascending" });
  if (first.total !== undefined)
    return { ...waitingQueue(first.items), count: Math.max(first.total, first.items.length) };
  const versions: { createdAt?: number }[] = [...first.items];
  let token = first.token;
  for (let i = 1; token && i < WAITING_COUNT_PAGES; i++) {
    const page = await searchVersionPage({ status: "PendingManualApproval", order: "Ascending", token });
    versions.push(...page.items);
    token = page.token;
  }
  return waitingQueue(versions, Boolean(token));
}
