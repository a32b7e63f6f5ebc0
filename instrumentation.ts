/**
 * Runs once when the Next.js server starts: the decision reconciler finishes intents a crash left pending
 * (at start, then periodically), instead of waiting for the first request to the approvals routes; the run
 * reconciler does the same for pipeline run starts, stops and retries; the maturity snapshot scheduler
 * stores trend points (MATURITY_SNAPSHOT_MINUTES). Every account other than home (SAGEDECK_ACCOUNTS) is checked
 * once: a role that cannot be assumed is logged as one line and shown on /settings/accounts; the app starts anyway.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureReconciler } = await import("@/lib/approvals/reconcile");
  ensureReconciler();
  const { ensureRunReconciler } = await import("@/lib/pipelines/runs/reconcile");
  ensureRunReconciler();
  const { ensureSnapshotScheduler } = await import("@/lib/maturity-history/scheduler");
  ensureSnapshotScheduler();
  const { validateAccountsAtStart } = await import("@/lib/sagemaker/accounts/status");
  void validateAccountsAtStart().catch((err: unknown) =>
    console.error(
      `[accounts] the start-up check failed: ${err instanceof Error ? err.message : String(err)}`,
    ),
  );
}
