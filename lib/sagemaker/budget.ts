import { AsyncLocalStorage } from "node:async_hooks";
import { UpstreamTimeoutError } from "@/lib/errors";

/**
 * One page or API read's time budget for SageMaker: however many reads a request makes (one after another, each
 * with its own per-call timeout and retry), together they end within the budget — SAGEMAKER_TIMEOUT_MS — and
 * then the request answers 504 with a clear message instead of keeping the page on skeletons. The read itself
 * goes on in the background and fills the cache for the next try (concurrent requests share it, cache.ts).
 */
interface Budget {
  deadline: number;
  budgetMs: number;
}

const globalForBudget = globalThis as unknown as { sagedeckReadBudget?: AsyncLocalStorage<Budget> };
const storage = (globalForBudget.sagedeckReadBudget ??= new AsyncLocalStorage<Budget>());

/** Runs `fn` (one request) with its SageMaker reads sharing `budgetMs`. */
export function withReadBudget<T>(budgetMs: number, fn: () => Promise<T>): Promise<T> {
  return storage.run({ deadline: Date.now() + budgetMs, budgetMs }, fn);
}

/** Waits for `read` no longer than what is left of the current request's budget (no budget: as long as it takes). */
export async function withinReadBudget<T>(read: Promise<T>, operation: string): Promise<T> {
  const budget = storage.getStore();
  if (!budget) return read;
  const left = budget.deadline - Date.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        // the read goes on and may still fill the cache: its failure is no longer this request's
        read.catch(() => undefined);
        reject(
          new UpstreamTimeoutError(
            `SageMaker did not answer within ${Math.round(budget.budgetMs / 1000)} s (${operation}). Try again; ` +
              "if it keeps happening, SageMaker may be throttling or unreachable (see the status badge).",
          ),
        );
      },
      Math.max(0, left),
    );
  });
  try {
    return await Promise.race([read, expired]);
  } finally {
    clearTimeout(timer);
  }
}
