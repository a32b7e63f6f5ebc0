/**
 * `run.failed` (issue 21): the watcher's look at the runs started (or retried) in SageDeck. A run is read from
 * SageMaker only while the watcher does not know it finished (notification_run_watch), only within
 * RUN_WATCH_DAYS of its start and only when someone listens: an unfiltered channel taking `run.failed`, or people
 * whose preferences ask for it (then only their runs). A failed run is enqueued with its watch row in one
 * transaction, to whoever started it (and whoever retried it), with id `run-failed:<executionArn>`.
 */
import { and, desc, eq, gte, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  notificationChannels,
  notificationPreferences,
  notificationRunWatch,
  pipelineRunActions,
  type PipelineRunActionRow,
} from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { describeExecution } from "@/lib/sagemaker/pipelines/executions";
import { toExecutionSummary } from "@/lib/sagemaker/pipelines/mappers";
import { enqueueNotifications } from "./enqueue";
import { runFailedEvent } from "./run-events";

/** Runs started longer ago than this are no longer watched. */
export const RUN_WATCH_DAYS = 7;
/** At most this many runs are read from SageMaker per pass (the newest first). */
export const RUN_WATCH_PER_PASS = 50;

const FINISHED = new Set(["Succeeded", "Failed", "Stopped"]);

/** Who listens to run.failed: every run (an unfiltered channel), or only the runs of these people. */
async function listeners(db: Db): Promise<{ everyone: boolean; people: string[] }> {
  const channels = await db.select().from(notificationChannels).where(eq(notificationChannels.enabled, true));
  // run events carry no model group or solution: a filtered channel never receives them
  const everyone = channels.some(
    (c) => c.eventTypes.includes("run.failed") && !c.groupFilter && !c.solutionFilter,
  );
  const prefs = await db.select().from(notificationPreferences);
  const people = prefs.filter((p) => p.email && p.eventTypes.includes("run.failed")).map((p) => p.username);
  return { everyone, people };
}

/** Start/retry actions not seen finished, started within the window; per execution the newest action only. */
async function unfinishedRuns(
  db: Db,
  since: Date,
  who: { everyone: boolean; people: string[] },
): Promise<{ latest: PipelineRunActionRow; all: PipelineRunActionRow[] }[]> {
  const t = pipelineRunActions;
  const rows = await db
    .select({ a: t })
    .from(t)
    .leftJoin(notificationRunWatch, eq(notificationRunWatch.runActionId, t.id))
    .where(
      and(
        inArray(t.action, ["start", "retry"]),
        inArray(t.state, ["applied", "pending"]),
        isNotNull(t.executionArn),
        gte(t.createdAt, since),
        isNull(notificationRunWatch.runActionId),
        who.everyone ? undefined : or(inArray(t.actor, who.people), eq(t.action, "retry")),
      ),
    )
    .orderBy(desc(t.createdAt))
    .limit(RUN_WATCH_PER_PASS * 2);
  const byArn = new Map<string, PipelineRunActionRow[]>();
  for (const { a } of rows) byArn.set(a.executionArn ?? "", [...(byArn.get(a.executionArn ?? "") ?? []), a]);
  return [...byArn.values()].slice(0, RUN_WATCH_PER_PASS).flatMap((all) => {
    const latest = all[0];
    return latest ? [{ latest, all }] : [];
  });
}

/** The start of each execution (who started it), from SageDeck's own record. */
async function startsOf(db: Db, arns: string[]): Promise<Map<string, PipelineRunActionRow>> {
  if (arns.length === 0) return new Map();
  const rows = await db
    .select()
    .from(pipelineRunActions)
    .where(
      and(
        eq(pipelineRunActions.action, "start"),
        inArray(pipelineRunActions.state, ["applied", "pending"]),
        inArray(pipelineRunActions.executionArn, arns),
      ),
    );
  return new Map(rows.map((r) => [r.executionArn ?? "", r]));
}

async function remember(db: Db, rows: PipelineRunActionRow[], status: string): Promise<void> {
  await db
    .insert(notificationRunWatch)
    .values(rows.map((r) => ({ runActionId: r.id, executionArn: r.executionArn ?? "", status })))
    .onConflictDoNothing();
}

/** One pass: returns how many `run.failed` events it enqueued (events with at least one outbox row written). */
export async function watchRuns(db: Db, now: number): Promise<number> {
  const who = await listeners(db);
  if (!who.everyone && who.people.length === 0) return 0;
  const runs = await unfinishedRuns(db, new Date(now - RUN_WATCH_DAYS * 86_400_000), who);
  const starts = await startsOf(
    db,
    runs.map((r) => r.latest.executionArn ?? ""),
  );
  let enqueued = 0;
  for (const { latest, all } of runs) {
    const arn = latest.executionArn ?? "";
    const start = starts.get(arn);
    const recipients = [...new Set([start?.actor, latest.actor].filter((u): u is string => !!u))];
    if (!who.everyone && !recipients.some((u) => who.people.includes(u))) continue;
    let summary;
    try {
      summary = toExecutionSummary(await describeExecution(arn));
    } catch (err) {
      if (isAppError(err) && err.code === "not_found") {
        await remember(db, all, "Gone");
        continue;
      }
      log("warn", `[notification watcher] run ${arn} not read`, { err });
      if (isAppError(err) && err.code === "rate_limited") break; // the next pass tries again
      continue;
    }
    if (!FINISHED.has(summary.status)) continue;
    // a retry's execution still showing its earlier end (a read from before the retry) is not its outcome yet
    if (latest.action === "retry" && (summary.lastModifiedAt ?? 0) < latest.createdAt.getTime()) continue;
    if (summary.status !== "Failed") {
      await remember(db, all, summary.status);
      continue;
    }
    const event = await runFailedEvent({ summary, action: latest, start, recipients });
    const written = await db.transaction(async (tx) => {
      await remember(tx, all, "Failed");
      return enqueueNotifications(tx, event);
    });
    if (written > 0) enqueued += 1;
  }
  return enqueued;
}
