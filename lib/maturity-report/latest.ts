/**
 * The maturity collection runs in the background and pages read its latest result: a page view never starts
 * a full collection (hundreds of SageMaker calls). The collector runs once when first needed (at server start
 * from instrumentation.ts, or the first read in a process without it), then every COLLECT_EVERY_MS; after a
 * failure it retries every RETRY_MS until one succeeds. A collection that could read none of the registry,
 * the pipelines and the endpoints (SageMaker down) is a failure, not an organisation without solutions: the
 * previous result stays, and the failure is reported next to it.
 */
import { getConfig } from "@/lib/config";
import { UpstreamUnavailableError } from "@/lib/errors";
import { log } from "@/lib/log";
import { decisionsFromDb } from "./collect/decisions";
import { collectMaturity, type Collection as Evidence } from "./collect/index";
import { readWaitingQueue, type WaitingQueue } from "@/lib/overview/waiting-queue";

/** The collected evidence and the waiting queue (the organisation's "Waiting for a decision"). */
export type Collection = Evidence & { waiting?: WaitingQueue };

export const COLLECT_EVERY_MS = 5 * 60_000;
const RETRY_MS = 60_000;
/** The sources without which nothing can be assessed. */
const CORE = ["groups", "pipelines", "endpoints"];

export interface CollectionFailure {
  at: number;
  message: string;
}

interface State {
  latest?: Collection;
  running?: Promise<Collection>;
  failure?: CollectionFailure;
  timer?: ReturnType<typeof setInterval>;
  retry?: ReturnType<typeof setTimeout>;
}
// on globalThis: Next bundles route handlers and pages separately; they must share one collector
const g = globalThis as unknown as { sagedeckMaturityCollector?: State };
const state: State = (g.sagedeckMaturityCollector ??= {});

/** Why a collection is an outage rather than data, or null. */
export function outageOf(c: Collection): string | null {
  const failed = (c.unreadable ?? []).filter((u) => CORE.includes(u.source));
  if (failed.length < CORE.length) return null;
  return `SageMaker could not be read (${failed.map((u) => `${u.source}: ${u.reason}`).join("; ")})`;
}

function scheduleRetry(): void {
  if (state.retry || state.latest) return;
  state.retry = setTimeout(() => {
    state.retry = undefined;
    void collectNow().catch(() => undefined);
  }, RETRY_MS);
  state.retry.unref?.();
}

/** Runs a collection now (the background timer, a snapshot); concurrent calls share the running one. */
export function collectNow(): Promise<Collection> {
  state.running ??= (async () => {
    const at = Date.now();
    try {
      const [evidence, waiting] = await Promise.all([
        collectMaturity(at, undefined, decisionsFromDb, getConfig().maturity),
        readWaitingQueue().catch(() => undefined),
      ]);
      const down = outageOf(evidence);
      if (down) throw new UpstreamUnavailableError(down);
      const c: Collection = { ...evidence, waiting };
      state.latest = c;
      state.failure = undefined;
      return c;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      state.failure = { at, message };
      log("warn", "maturity collection failed", { message });
      scheduleRetry();
      throw err;
    }
  })().finally(() => {
    state.running = undefined;
  });
  return state.running;
}

/** Starts the background collector once per process (a first collection at once, then every interval). */
export function ensureMaturityCollector(everyMs = COLLECT_EVERY_MS): void {
  if (state.timer) return;
  state.timer = setInterval(() => void collectNow().catch(() => undefined), everyMs);
  state.timer.unref?.();
  if (!state.latest && !state.running) void collectNow().catch(() => undefined);
}

/**
 * What a page reads: the latest successful collection, and the failure of a later one, when there is one. Before the
 * first collection has finished it waits for that one; when there is none and the last attempt failed, it
 * throws that failure (the background retries) rather than showing an empty organisation.
 */
export async function latestCollection(): Promise<{ collection: Collection; failure?: CollectionFailure }> {
  ensureMaturityCollector();
  if (state.latest) return { collection: state.latest, failure: state.failure };
  if (state.running) {
    try {
      return { collection: await state.running };
    } catch {
      // reported below, with when it happened
    }
  }
  const f = state.failure;
  throw new UpstreamUnavailableError(
    `The maturity collection at ${f ? new Date(f.at).toISOString().slice(11, 19) : "start"} UTC failed: ${f?.message ?? "unknown error"}. It is retried in the background every minute; no figures are shown until one succeeds. Try again in a minute.`,
  );
}

/** For tests: forget the collector's state (the next read collects afresh). */
export function resetMaturityCollector(): void {
  if (state.timer) clearInterval(state.timer);
  if (state.retry) clearTimeout(state.retry);
  for (const k of Object.keys(state) as (keyof State)[]) delete state[k];
}
