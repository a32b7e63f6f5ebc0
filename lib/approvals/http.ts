import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { decideOnce } from "./once";
import { ensureReconciler } from "./reconcile";
import type { DecisionContext, DecisionView } from "./types";

/** Runs a decision verb for a route: Idempotency-Key from the header, 202 while rolling out, replay header. */
export async function decisionRoute(
  req: Request,
  user: SessionUser,
  requestId: string,
  request: unknown,
  verb: (ctx: DecisionContext) => Promise<DecisionView>,
): Promise<Response> {
  ensureReconciler();
  const db = await getDb();
  const route = `${req.method} ${new URL(req.url).pathname}`;
  const key = req.headers.get("idempotency-key");
  const result = await decideOnce(db, user, { key, route, request }, () => verb({ db, user, requestId }));
  return Response.json(result.body, {
    status: result.status,
    headers: result.replayed ? { "Idempotent-Replayed": "true" } : {},
  });
}
