import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getDecision } from "@/lib/db/decisions";
import { isAppError, NotFoundError } from "@/lib/errors";
import { ensureReconciler } from "@/lib/approvals/reconcile";
import { followRollout } from "@/lib/approvals/rollout";
import { toDecisionView } from "@/lib/approvals/types";

export const dynamic = "force-dynamic";

const UPSTREAM = new Set(["upstream_error", "upstream_unavailable", "upstream_timeout", "rate_limited"]);

export const GET = route(
  {
    summary:
      "One decision; a deploying one is followed one step first (answered from SageDeck's record, with why, when SageMaker cannot be read)",
    permission: "read",
    params: z.object({ id: z.string().uuid() }),
  },
  async ({ params, requestId }) => {
    ensureReconciler();
    const db = await getDb();
    let followError: string | undefined;
    let followed;
    try {
      followed = await followRollout(db, params.id, requestId);
    } catch (err) {
      if (!isAppError(err) || !UPSTREAM.has(err.code)) throw err;
      followError = `The rollout could not be checked in SageMaker just now (${err.message}); this is the last recorded state.`;
    }
    const row = followed ?? (await getDecision(db, params.id));
    if (!row) throw new NotFoundError("That decision does not exist; it may belong to another installation.");
    return { decision: toDecisionView(row), ...(followError ? { followError } : {}) };
  },
);
