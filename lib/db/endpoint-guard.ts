/**
 * One deployment at a time per endpoint. Two model groups of one solution share its stage endpoints, so the
 * per-subject guard of insertIntent (`stage:<group>:<Stage>`) lets both through and the loser got SageMaker's 422
 * ("endpoint is Updating"). The intent of a promote/rollback is written inside a transaction that holds an advisory
 * lock on (account, endpoint) and first looks for a decision in flight on that endpoint: found → 409 naming it.
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { ConflictError } from "@/lib/errors";
import type { Db } from "./client";
import { describeRow, insertIntent, type NewDecision } from "./decisions";
import { decisions, type DecisionRow } from "./schema";

const ENDPOINT_LOCK_CLASS = 7323;

/** Writes a promote/rollback intent unless another decision is in flight on the same endpoint (409 naming it). */
export function insertDeploymentIntent(
  db: Db,
  row: NewDecision & { endpointName: string },
): Promise<DecisionRow> {
  return db.transaction(async (tx) => {
    const key = `${row.account ?? ""}:${row.endpointName}`;
    await tx.execute(sql`select pg_advisory_xact_lock(${ENDPOINT_LOCK_CLASS}, hashtext(${key}))`);
    const sameAccount = row.account ? eq(decisions.account, row.account) : isNull(decisions.account);
    const [busy] = await tx
      .select()
      .from(decisions)
      .where(
        and(
          eq(decisions.endpointName, row.endpointName),
          row.account ? or(sameAccount, isNull(decisions.account)) : sameAccount,
          inArray(decisions.state, ["pending", "deploying"]),
        ),
      )
      .limit(1);
    if (busy) {
      throw new ConflictError(
        `${row.endpointName} is being deployed by another decision: ${busy.groupName} version ${busy.version}, ${describeRow(busy)}. Wait for it to finish, then reload.`,
      );
    }
    return insertIntent(tx, row);
  });
}
