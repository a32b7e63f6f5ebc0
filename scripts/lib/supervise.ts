/**
 * Keeps a child process running: when it exits unexpectedly it is started again, at most `maxRestarts` times
 * in `windowMs` (then the caller gives up), after a delay that doubles with each recent restart. Used by
 * `npm start` for the emulator: a crashed emulator comes back with its data dir, the dashboard stays up.
 */
import type { Child } from "./processes";

export interface RestartPolicy {
  maxRestarts: number;
  windowMs: number;
  baseDelayMs: number;
}

export const EMULATOR_RESTARTS: RestartPolicy = { maxRestarts: 5, windowMs: 10 * 60_000, baseDelayMs: 500 };

/** Whether another restart is allowed now, given the times of the earlier ones, and after how long. */
export function nextRestart(
  history: readonly number[],
  now: number,
  policy: RestartPolicy,
): { allowed: boolean; attempt: number; delayMs: number } {
  const recent = history.filter((t) => now - t < policy.windowMs).length;
  const attempt = recent + 1;
  return {
    allowed: recent < policy.maxRestarts,
    attempt,
    delayMs: policy.baseDelayMs * 2 ** recent,
  };
}

export interface Supervised {
  /** the child running now (the latest start) */
  current(): Child;
}

/**
 * Starts `start()` and restarts it on an unexpected exit. `stopping()` true = an intended shutdown (no
 * restart). `onGiveUp` is called once when the policy refuses another restart.
 */
export async function supervise(opts: {
  start: () => Promise<Child>;
  policy: RestartPolicy;
  stopping: () => boolean;
  log: (line: string) => void;
  onGiveUp: (line: string) => void;
  now?: () => number;
}): Promise<Supervised> {
  const now = opts.now ?? Date.now;
  const history: number[] = [];
  let child = await opts.start();
  const watch = (c: Child): void => {
    void c.exited.then(async (code) => {
      if (opts.stopping()) return;
      const next = nextRestart(history, now(), opts.policy);
      if (!next.allowed) {
        opts.onGiveUp(
          `${c.name} stopped unexpectedly (exit code ${code}) and was restarted ${opts.policy.maxRestarts} times in ` +
            `${Math.round(opts.policy.windowMs / 60_000)} min; giving up.`,
        );
        return;
      }
      opts.log(
        `${c.name} stopped unexpectedly (exit code ${code}); restarting it in ${next.delayMs} ms ` +
          `(restart ${next.attempt} of at most ${opts.policy.maxRestarts} in ${Math.round(opts.policy.windowMs / 60_000)} min).`,
      );
      history.push(now());
      await new Promise((r) => setTimeout(r, next.delayMs));
      if (opts.stopping()) return;
      try {
        child = await opts.start();
        opts.log(`${child.name} is back.`);
        watch(child);
      } catch (err) {
        opts.onGiveUp(
          `${c.name} could not be restarted: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    });
  };
  watch(child);
  return { current: () => child };
}
