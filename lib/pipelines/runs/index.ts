/** Pipeline run verbs: start, stop and retry (intent → SageMaker → outcome), and their reconciler. */
export { clientRequestToken, type ExecutionRef, type VerbContext } from "./context";
export { retryRun, stopRun } from "./change";
export { startRun } from "./start";
export { validateStart } from "./validate";
export { ensureRunReconciler, reconcileRunActions, resolvePendingStarts } from "./reconcile";
