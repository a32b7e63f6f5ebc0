/** Pipeline run verbs: start, stop and retry (intent → SageMaker → outcome), and their reconciler. */
export { clientRequestToken, type ExecutionRef, type RunContext } from "./context";
export { retryRun, RUN_CHANGES, stopRun, type RunChange } from "./change";
export { startRun } from "./start";
export { validateStart } from "./validate";
export { ensureRunReconciler, reconcileRunActions, resolvePendingStarts } from "./reconcile";
