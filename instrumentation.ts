/**
 * Runs once when the Next.js server starts: the decision reconciler finishes intents a crash left pending
 * (at start, then periodically), instead of waiting for the first request to the approvals routes; the run
 * reconciler does the same for pipeline run starts, stops and retries; the maturity snapshot scheduler
 * stores trend points (MATURITY_SNAPSHOT_MINUTES); the notification worker delivers the outbox and its watcher
 * notices versions waiting for approval. Every account other than home (SAGEDECK_ACCOUNTS) is checked
 * once: a role that cannot be assumed is logged as one line and shown on /settings/accounts; the app starts anyway.
 * Once the server listens it renders its sign-in page for itself (lib/warm-up.ts), so the first visitor does not
 * pay the first render's one-time cost.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureReconciler } = await import("@/lib/approvals/reconcile");
  ensureReconciler();
  const { ensureRunReconciler } = await import("@/lib/pipelines/runs/reconcile");
  ensureRunReconciler();
  const { ensureSnapshotScheduler } = await import("@/lib/maturity-history/scheduler");
  ensureSnapshotScheduler();
  // the maturity pages read the latest background collection; a page view never starts one
  (await import("@/lib/maturity-report/latest")).ensureMaturityCollector();
  (await import("@/lib/notifications/worker")).startNotifications();
  const { warmUp, warmUpUrl } = await import("@/lib/warm-up");
  void warmUp(warmUpUrl(process.env));
  const { validateAccountsAtStart } = await import("@/lib/sagemaker/accounts/status");
  void validateAccountsAtStart().catch((err: unknown) =>
    console.error(
      `[accounts] the start-up check failed: ${err instanceof Error ? err.message : String(err)}`,
    ),
  );
}
