/**
 * The duration of an execution's current attempt. RetryPipelineExecution restarts a failed execution's
 * failed steps (their AttemptCount goes up and their StartTime is the retry's); the execution keeps its
 * CreationTime. So after a retry the duration counts from the retry, not from the first start.
 */

interface StepTimes {
  startedAt: number | undefined;
  endedAt: number | undefined;
  attempts: number | undefined;
}

interface ExecutionTimes {
  status: string;
  startedAt: number | undefined;
  lastModifiedAt: number | undefined;
  steps: StepTimes[];
}

/**
 * When the current attempt started: the first restarted step (attempts > 1) that started after every other
 * step had ended — the execution was Failed then, so nothing ran — else the execution's start.
 */
export function attemptStart(e: ExecutionTimes): { at: number | undefined; retried: boolean } {
  const firstRun = e.steps.filter((s) => (s.attempts ?? 1) <= 1);
  const idleFrom = Math.max(e.startedAt ?? 0, ...firstRun.map((s) => s.endedAt ?? Number.POSITIVE_INFINITY));
  const restarts = e.steps
    .filter((s) => (s.attempts ?? 1) > 1 && s.startedAt !== undefined && s.startedAt >= idleFrom)
    .map((s) => s.startedAt as number);
  if (restarts.length === 0) return { at: e.startedAt, retried: false };
  return { at: Math.min(...restarts), retried: true };
}

const FINISHED = new Set(["Succeeded", "Failed", "Stopped"]);

/** The current attempt's duration: to the last change when finished, else to `now`. */
export function attemptDuration(
  e: ExecutionTimes,
  now: number,
): { ms: number | undefined; retried: boolean } {
  const { at, retried } = attemptStart(e);
  if (at === undefined) return { ms: undefined, retried };
  const end = FINISHED.has(e.status) ? (e.lastModifiedAt ?? now) : now;
  return { ms: Math.max(0, end - at), retried };
}
