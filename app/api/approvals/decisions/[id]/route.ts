import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getDecision } from "@/lib/db/decisions";
import { NotFoundError } from "@/lib/errors";
import { ensureReconciler } from "@/lib/approvals/reconcile";
import { followRollout } from "@/lib/approvals/rollout";
import { toDecisionView } from "@/lib/approvals/types";

export const dynamic = "force-dynamic";

// GET /api/approvals/decisions/[id] – one decision; a deploying one is followed one step first
export const GET = route(
  { permission: "read", params: z.object({ id: z.string().uuid() }) },
  async ({ params, requestId }) => {
    ensureReconciler();
    const db = await getDb();
    const row = (await followRollout(db, params.id, requestId)) ?? (await getDecision(db, params.id));
    if (!row) throw new NotFoundError("That decision does not exist; it may belong to another installation.");
    return { decision: toDecisionView(row) };
  },
);
