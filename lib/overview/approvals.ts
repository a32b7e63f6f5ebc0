/** The approver's overview section: the oldest versions waiting for a decision, from the approvals inbox. */
import type { Db } from "@/lib/db";
import { listModelVersions } from "@/lib/sagemaker/registry/reads";
import { getWaitingVersions } from "@/lib/approvals/inbox";

export const WAITING_LIMIT = 5;
/** The total is counted over at most this many ListModelPackages pages of 100. */
const COUNT_PAGES = 10;

export interface WaitingVersion {
  group: string;
  version: number;
  createdAt: number | undefined;
  ageMs: number;
  overdue: boolean;
  registeredBy?: string;
}

export interface WaitingForDecision {
  items: WaitingVersion[];
  /** every version waiting, across groups (up to the count cap) */
  total: number;
  /** true when more versions wait than were counted */
  totalCapped: boolean;
  slaHours: number;
}

/** How many versions wait for a decision: ListModelPackages pages of 100, no per-version reads. */
async function countWaiting(): Promise<{ total: number; capped: boolean }> {
  let total = 0;
  let cursor: string | undefined;
  for (let i = 0; i < COUNT_PAGES; i++) {
    const page = await listModelVersions({ status: "PendingManualApproval", limit: 100, cursor });
    total += page.items.length;
    cursor = page.cursor;
    if (!cursor) return { total, capped: false };
  }
  return { total, capped: true };
}

/** The oldest `limit` waiting versions (age and SLA state as the inbox computes them) and the total. */
export async function getWaitingForDecision(
  db: Db,
  q: { limit?: number; now?: number } = {},
): Promise<WaitingForDecision> {
  const [inbox, count] = await Promise.all([
    getWaitingVersions(db, { limit: q.limit ?? WAITING_LIMIT, now: q.now }),
    countWaiting(),
  ]);
  return {
    items: inbox.items.map((i) => ({
      group: i.version.group,
      version: i.version.version,
      createdAt: i.version.createdAt,
      ageMs: i.ageMs,
      overdue: i.overdue,
      registeredBy: i.registeredBy,
    })),
    total: Math.max(count.total, inbox.items.length),
    totalCapped: count.capped,
    slaHours: inbox.slaHours,
  };
}
