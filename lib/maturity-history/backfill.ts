/**
 * History backfill: on a fresh install (and for a solution seen for the first time) there is nothing to draw
 * a trend from, so weekly points for the last 12 weeks are reconstructed from today's evidence
 * (lib/maturity/as-of.ts) and stored with source "reconstructed" — only for keys with no snapshot yet.
 */
import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import { insertReconstructed } from "@/lib/db/maturity-snapshots";
import { collectMaturity } from "@/lib/maturity-report/collect";
import { decisionsFromDb } from "@/lib/maturity-report/collect/decisions";
import { reconstructHistory } from "@/lib/maturity/snapshot-history";

/** Returns the keys it filled ("*" is the organisation). */
export async function backfillHistory(db: Db, now = Date.now(), weeks = 12): Promise<string[]> {
  const c = await collectMaturity(now, undefined, decisionsFromDb, getConfig().maturity);
  const filled = await insertReconstructed(db, reconstructHistory(c.solutions, c.orgProjects, now, weeks));
  if (filled.length > 0) {
    console.log(`[maturity-snapshots] reconstructed ${weeks} weeks of history for ${filled.join(", ")}`);
  }
  return filled;
}
