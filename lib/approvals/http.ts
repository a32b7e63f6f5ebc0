import type { IdempotencyOptions, StoredAnswer } from "@/lib/api/idempotency";
import { getDb } from "@/lib/db";
import { getDecision } from "@/lib/db/decisions";
import { ensureReconciler } from "./reconcile";
import { toDecisionView, type DecisionContext, type DecisionView } from "./types";

const answerOf = (decision: DecisionView): StoredAnswer => ({
  status: decision.state === "deploying" ? 202 : 200,
  body: { decision },
});

/** Runs a decision verb for a route: 202 while the rollout is under way, 200 once applied. */
export async function decisionResponse(
  ctx: DecisionContext,
  verb: (ctx: DecisionContext) => Promise<DecisionView>,
): Promise<Response> {
  ensureReconciler();
  const { status, body } = answerOf(await verb(ctx));
  return Response.json(body, { status });
}

/**
 * Decision routes honour the Idempotency-Key; a replay answers with the decision's state now (a promotion
 * first answered "deploying" is "applied" or "failed" later), not the first answer's.
 */
export const decisionIdempotency: IdempotencyOptions = {
  refresh: async (stored) => {
    const id = (stored.body as { decision?: { id?: unknown } } | null)?.decision?.id;
    if (typeof id !== "string") return stored;
    const row = await getDecision(await getDb(), id);
    return row ? answerOf(toDecisionView(row)) : stored;
  },
};
