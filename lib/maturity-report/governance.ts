/** What the maturity report reads from SageDeck's own database: open exemptions and targets (one query each). */
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listOpenExemptions } from "@/lib/db/maturity-exemptions";
import { listTargets } from "@/lib/db/maturity-targets";
import type { MaturityExemptionRow, MaturityTargetRow } from "@/lib/db/schema";
import type { Exemption } from "@/lib/maturity/types";

/** An exemption as the report carries it on a check result: the engine's fields plus its id and grant time. */
export interface ExemptionInfo extends Exemption {
  id: string;
  grantedAt: number;
}

export interface Governance {
  /** solution key → open exemptions (the engine ignores expired ones) */
  exemptions: Record<string, ExemptionInfo[]>;
  targets: MaturityTargetRow[];
  /** what could not be read, for the page to show */
  warnings: string[];
}

export function toExemptionInfo(r: MaturityExemptionRow): ExemptionInfo {
  return {
    id: r.id,
    checkId: r.checkId,
    reason: r.reason,
    grantedBy: r.grantedByName,
    grantedAt: r.grantedAt.getTime(),
    expiresAt: r.expiresAt.getTime(),
  };
}

/**
 * What the page may say about a database failure: never the SQL (a driver error's message is the whole query with
 * its parameters). The full error goes to the server log.
 */
export function why(err: unknown): string {
  if (isAppError(err)) return err.message;
  console.error("[maturity] governance read failed:", err);
  let cause: unknown = err;
  while (cause instanceof Error && /^Failed query/i.test(cause.message) && cause.cause) cause = cause.cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return /^Failed query|\b(select|insert|update|delete)\b.*\bfrom\b/i.test(message)
    ? "database error"
    : `database error: ${message.slice(0, 200)}`;
}

/** A database that cannot be read gives no exemptions and no targets, and a warning — never a failed report. */
export async function loadGovernance(): Promise<Governance> {
  const warnings: string[] = [];
  let exemptions: Record<string, ExemptionInfo[]> = {};
  let targets: MaturityTargetRow[] = [];
  try {
    const db = await getDb();
    const [open, rows] = await Promise.allSettled([listOpenExemptions(db), listTargets(db)]);
    if (open.status === "fulfilled") {
      exemptions = {};
      for (const r of open.value) (exemptions[r.solutionKey] ??= []).push(toExemptionInfo(r));
    } else {
      warnings.push(`Exemptions could not be read (${why(open.reason)}); checks are shown without them.`);
    }
    if (rows.status === "fulfilled") targets = rows.value;
    else warnings.push(`Targets could not be read (${why(rows.reason)}); KPIs are shown without them.`);
  } catch (err) {
    warnings.push(
      `SageDeck's database could not be opened (${why(err)}); exemptions and targets are not applied. Check the database and reload.`,
    );
  }
  return { exemptions, targets, warnings };
}
