/** What the history and snapshot routes serve: a key's trend points, and an audited "take one now". */
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { snapshotHistory } from "@/lib/db/maturity-snapshots";
import { isAppError } from "@/lib/errors";
import type { SnapshotCheck, SnapshotKpi } from "@/lib/maturity/snapshot";
import type { Phase } from "@/lib/maturity/types";
import { takeSnapshot } from "./scheduler";
import type { VerbContext } from "@/lib/verb-context";

export const historyQuerySchema = z.object({
  solution: z.string().trim().min(1, "name a solution key, or * for the organisation").max(256),
  days: z.coerce.number().int("use whole days").min(1).max(365).default(90),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export interface HistoryPoint {
  /** epoch ms */
  at: number;
  phase: Phase | null;
  score: number | null;
  progress: number | null;
  provisional: boolean;
  /** scheduled | manual | demo | reconstructed */
  source: string;
  checks: Record<string, SnapshotCheck>;
  kpis: Record<string, SnapshotKpi>;
}

export interface History {
  points: HistoryPoint[];
}

/** A key's points of the last `days` days, oldest first (at most 500; an unknown key has none). */
export async function getHistory(db: Db, q: HistoryQuery): Promise<History> {
  const rows = await snapshotHistory(db, q.solution, q.days);
  return {
    points: rows.map((r) => ({
      at: r.takenAt.getTime(),
      phase: (r.phase as Phase | null) ?? null,
      score: r.score,
      progress: r.progress,
      provisional: r.provisional,
      source: r.source,
      checks: r.checks,
      kpis: r.kpis,
    })),
  };
}

export interface SnapshotTaken {
  takenAt: number;
  solutions: number;
}

/** A manager's "take snapshot now": collects afresh, stores it, audits "maturity.snapshot" either way. */
export async function takeManualSnapshot(ctx: VerbContext): Promise<SnapshotTaken> {
  const base = {
    actor: ctx.user.username,
    actorRole: ctx.user.role,
    action: "maturity.snapshot" as const,
    target: "maturity",
    requestId: ctx.requestId,
  };
  try {
    const r = await takeSnapshot("manual", { db: ctx.db });
    await recordAudit(ctx.db, { ...base, details: { takenAt: r.takenAt, solutions: r.solutions } });
    return { takenAt: r.takenAt, solutions: r.solutions };
  } catch (err) {
    const message = isAppError(err) ? err.message : "unexpected error";
    await recordAudit(ctx.db, { ...base, outcome: "failed", details: { error: message } });
    throw err;
  }
}
