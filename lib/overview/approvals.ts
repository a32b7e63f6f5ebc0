/** The approver's overview section: the oldest versions waiting for a decision, from the approvals inbox. */
import type { Db } from "@/lib/db";
import { getWaitingVersions } from "@/lib/approvals/inbox";
import { readWaitingQueue } from "./waiting-queue";

export const WAITING_LIMIT = 5;

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
  /** CreationTime of the oldest waiting version (waiting-queue.ts, the definition the KPI uses too) */
  oldestAt: number | undefined;
  /** when this was read (the oldest's age is counted to it) */
  generatedAt: number;
  slaHours: number;
}

/** The oldest `limit` waiting versions (age and SLA state as the inbox computes them) and the total. */
export async function getWaitingForDecision(
  db: Db,
  q: { limit?: number; now?: number } = {},
): Promise<WaitingForDecision> {
  const [inbox, count] = await Promise.all([
    getWaitingVersions(db, { limit: q.limit ?? WAITING_LIMIT, now: q.now }),
    readWaitingQueue(),
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
    total: Math.max(count.count, inbox.items.length),
    totalCapped: count.capped,
    oldestAt: count.oldestAt,
    generatedAt: q.now ?? Date.now(),
    slaHours: inbox.slaHours,
  };
}
