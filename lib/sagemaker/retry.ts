import { AsyncLocalStorage } from "node:async_hooks";
import type { SageMakerClientConfig } from "@aws-sdk/client-sagemaker";

/** The SDK's retry strategy interface (v2), taken from the client's own config type (no extra dependency). */
type RetryStrategyV2 = Extract<
  NonNullable<SageMakerClientConfig["retryStrategy"]>,
  { acquireInitialRetryToken: unknown }
>;
type RetryErrorInfo = Parameters<RetryStrategyV2["refreshRetryTokenForRetry"]>[1];

export type CallKind = "read" | "write";

export interface RetryPolicy {
  /** attempts in all, the first included */
  maxAttempts: number;
  /** backoff base for transient errors (5xx, timeouts, resets) and for throttling; doubled per retry */
  baseDelayMs: number;
  throttleBaseDelayMs: number;
  /** cap on one backoff (full jitter: the wait is random in [0, min(cap, base·2^n)]) */
  maxDelayMs: number;
}

/**
 * Reads fail fast: one quick retry, then the caller serves a stale cached value or an error (call.ts). No
 * client-side rate limiter: the SDK's adaptive mode shares one per client, so one throttled read slowed every
 * request of the replica (issue 17).
 */
export const READ_POLICY: RetryPolicy = {
  maxAttempts: 2,
  baseDelayMs: 50,
  throttleBaseDelayMs: 100,
  maxDelayMs: 250,
};

/** Writes retry with backoff, but never wait past their deadline (SAGEMAKER_TIMEOUT_MS from the write's start). */
export const WRITE_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 100,
  throttleBaseDelayMs: 500,
  maxDelayMs: 4_000,
};

interface Scope {
  kind: CallKind;
  deadline: number;
}

const globalForKind = globalThis as unknown as { sagedeckCallKind?: AsyncLocalStorage<Scope> };
const storage = (globalForKind.sagedeckCallKind ??= new AsyncLocalStorage<Scope>());

/** Runs `fn` with every SageMaker call inside it retried as `kind`, with retries stopping at the deadline. */
export function withCallKind<T>(kind: CallKind, deadlineMs: number, fn: () => T): T {
  return storage.run({ kind, deadline: Date.now() + deadlineMs }, fn);
}

class Token {
  constructor(
    readonly count: number,
    readonly delay: number,
    readonly policy: RetryPolicy,
    readonly deadline: number,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
}

/**
 * One strategy per client that picks the policy of the call kind in scope (withCallKind; calls outside any
 * scope are treated as reads). Each retry's wait ends before the call's deadline, or there is no retry.
 */
export class CallKindRetryStrategy implements RetryStrategyV2 {
  readonly mode = "sagedeck-per-call";

  constructor(
    private readonly timeoutMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  acquireInitialRetryToken(): Promise<Token> {
    const scope = storage.getStore();
    const policy = scope?.kind === "write" ? WRITE_POLICY : READ_POLICY;
    return Promise.resolve(new Token(0, 0, policy, scope?.deadline ?? Date.now() + this.timeoutMs));
  }

  refreshRetryTokenForRetry(token: Token, info: RetryErrorInfo): Promise<Token> {
    const { policy } = token;
    const throttled = info.errorType === "THROTTLING";
    if (!throttled && info.errorType !== "TRANSIENT") return Promise.reject(new Error("not retryable"));
    if (token.count + 1 >= policy.maxAttempts) return Promise.reject(new Error("attempts used up"));
    const base = throttled ? policy.throttleBaseDelayMs : policy.baseDelayMs;
    let delay = Math.round(this.random() * Math.min(policy.maxDelayMs, base * 2 ** token.count));
    const hint = info.retryAfterHint instanceof Date ? info.retryAfterHint.getTime() - Date.now() : 0;
    delay = Math.max(delay, Math.min(hint, policy.maxDelayMs));
    if (Date.now() + delay >= token.deadline) return Promise.reject(new Error("deadline reached"));
    return Promise.resolve(new Token(token.count + 1, delay, policy, token.deadline));
  }

  recordSuccess(): void {
    // no shared state: a success elsewhere neither speeds up nor slows down other calls
  }
}
