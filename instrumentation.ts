/**
 * Runs once when the Next.js server starts: the decision reconciler finishes intents a crash left pending
 * (at start, then periodically), instead of waiting for the first request to the approvals routes.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureReconciler } = await import("@/lib/services/decisions-reconcile");
  ensureReconciler();
}
