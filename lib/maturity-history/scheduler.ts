/**
 * Maturity snapshots: `takeSnapshot` runs a fresh collection and stores it; the scheduler takes one every
 * MATURITY_SNAPSHOT_MINUTES (default 60, 0 disables) and one at start when the newest is older than that.
 * Several app instances on one PostgreSQL: a scheduled snapshot is skipped when another instance stored one
 * less than half an interval ago (checked under an advisory lock, lib/db/maturity-snapshots.ts).
 */
import { getConfig } from "@/lib/config";
import { getDb, type Db } from "@/lib/db";
import { log } from "@/lib/log";
import { insertSnapshot, latestSnapshotAt } from "@/lib/db/maturity-snapshots";
import { computed } from "@/lib/maturity-report/report";
import { snapshotRows, type SnapshotSource } from "@/lib/maturity/snapshot";

export interface SnapshotResult {
  takenAt: number;
  solutions: number;
  /** false when another instance had just stored one (scheduled snapshots only) */
  stored: boolean;
}

const g = globalThis as unknown as {
  sagedeckSnapshotInFlight?: Promise<SnapshotResult>;
  sagedeckSnapshotScheduler?: { stop: () => void };
};

/**
 * Collects afresh and stores the snapshot. One at a time per process: a call while one is running gets
 * that one's result. `skipIfNewerThanMs` skips storing when a snapshot that recent exists.
 */
export function takeSnapshot(
  source: SnapshotSource,
  opts: { db?: Db; skipIfNewerThanMs?: number } = {},
): Promise<SnapshotResult> {
  g.sagedeckSnapshotInFlight ??= (async () => {
    const db = opts.db ?? (await getDb());
    const c = await computed({ fresh: true });
    const stored = await insertSnapshot(db, snapshotRows(c, source), {
      skipIfNewerThan:
        opts.skipIfNewerThanMs !== undefined ? new Date(Date.now() - opts.skipIfNewerThanMs) : undefined,
    });
    return { takenAt: c.at, solutions: c.assessments.length, stored };
  })().finally(() => {
    g.sagedeckSnapshotInFlight = undefined;
  });
  return g.sagedeckSnapshotInFlight;
}

export type TickOutcome = "taken" | "fresh" | "skipped" | "failed";

/** One scheduler step: take a snapshot unless the newest is younger than `intervalMs`. Never throws. */
export async function snapshotTick(db: Db, intervalMs: number): Promise<TickOutcome> {
  try {
    const latest = await latestSnapshotAt(db);
    if (latest && Date.now() - latest.getTime() < intervalMs) return "fresh";
    const r = await takeSnapshot("scheduled", { db, skipIfNewerThanMs: intervalMs / 2 });
    return r.stored ? "taken" : "skipped";
  } catch (err) {
    console.error(
      `[maturity-snapshots] snapshot failed, retrying at the next tick: ${(err as Error).message}`,
    );
    return "failed";
  }
}

export interface Scheduler {
  /** the first tick's outcome (taken at start only when the newest snapshot is older than the interval) */
  first: Promise<TickOutcome>;
  stop(): void;
}

/**
 * Starts a scheduler: `before` (the history backfill; retried until it succeeds, before any snapshot) then a
 * tick at once, then a tick every `intervalMs`. After a failure the next try comes after `retryMs` (default:
 * a minute, or the interval when shorter). Timers are unref()ed so they never keep the process alive.
 */
export function startSnapshotScheduler(opts: {
  db: Db;
  intervalMs: number;
  retryMs?: number;
  before?: () => Promise<unknown>;
}): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const retryMs = opts.retryMs ?? Math.min(60_000, opts.intervalMs);
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), ms);
    timer.unref();
  };
  let ready = !opts.before;
  const run = async (): Promise<TickOutcome> => {
    if (!ready && opts.before) {
      try {
        await opts.before();
        ready = true;
      } catch (err) {
        console.error(`[maturity-snapshots] history backfill failed, retrying: ${(err as Error).message}`);
        schedule(retryMs);
        return "failed";
      }
    }
    const outcome = await snapshotTick(opts.db, opts.intervalMs);
    log(outcome === "failed" ? "warn" : "info", `maturity snapshot: ${outcome}`, {
      job: "maturity-snapshot",
      outcome,
    });
    schedule(outcome === "failed" ? retryMs : opts.intervalMs);
    return outcome;
  };
  const first = run();
  return {
    first,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** Starts this process's snapshot scheduler once (instrumentation.ts); logs and stays off on a bad setting. */
export function ensureSnapshotScheduler(): void {
  if (g.sagedeckSnapshotScheduler) return;
  let minutes: number;
  try {
    minutes = getConfig().maturity.snapshotMinutes; // MATURITY_SNAPSHOT_MINUTES, validated in lib/config
  } catch (err) {
    console.error(`[maturity-snapshots] scheduler not started: ${(err as Error).message}`);
    return;
  }
  if (minutes === 0) return;
  g.sagedeckSnapshotScheduler = { stop: () => undefined };
  void getDb()
    .then(async (db) => {
      const { backfillHistory } = await import("./backfill");
      g.sagedeckSnapshotScheduler = startSnapshotScheduler({
        db,
        intervalMs: minutes * 60_000,
        before: () => backfillHistory(db),
      });
    })
    .catch((err: unknown) => {
      g.sagedeckSnapshotScheduler = undefined;
      console.error(`[maturity-snapshots] scheduler not started: ${(err as Error).message}`);
    });
}
