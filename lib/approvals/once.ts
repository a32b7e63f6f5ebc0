import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db";
import { withIdempotency } from "@/lib/db/idempotency";
import type { DecisionView } from "./types";

export interface OnceResult {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs a decision verb once per Idempotency-Key (per user and route): a repeat replays the first answer.
 * 202 while a rollout is still under way, 200 once applied.
 */
export async function decideOnce(
  db: Db,
  user: SessionUser,
  scope: { key: string | null; route: string; request: unknown },
  verb: () => Promise<DecisionView>,
): Promise<OnceResult> {
  const run = async () => {
    const decision = await verb();
    return { status: decision.state === "deploying" ? 202 : 200, body: { decision } };
  };
  if (!scope.key) return { ...(await run()), replayed: false };
  return withIdempotency(
    db,
    { key: scope.key, actor: user.username, route: scope.route, request: scope.request },
    run,
  );
}
