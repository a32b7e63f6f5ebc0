/**
 * 30-day run statistics of several pipelines at once: their executions of the window as one set kept in sync with
 * Search (`PipelineArn In …`, synced-search.ts), so a list page costs one call per ~12 pipelines when its cache
 * expired, whatever the number of executions — not one Search series per pipeline.
 */
import { syncedSearch } from "@/lib/sagemaker/synced-search";
import { toExecutionSummary } from "./mappers";
import { searchExecutions } from "./reads";
import type { ExecutionSummary, PipelineStats } from "./types";

const DAY_MS = 86_400_000;
/** Stats count at most this many executions per pipeline (the newest of the window). */
export const STATS_SCAN_CAP = 1_000;
/** Search's limit on a filter value: the pipelines' ARNs are chunked into `In` values within it */
const MAX_IN_CHARS = 1_024;

function chunks(values: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const v of values) {
    if (cur.length > 0 && [...cur, v].join(",").length > MAX_IN_CHARS) {
      out.push(cur);
      cur = [];
    }
    cur.push(v);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const FINISHED = new Set(["Succeeded", "Failed", "Stopped"]);

/** The stats of one pipeline from its executions of the window; the latest one read apart when there are none. */
async function statsOf(pipelineArn: string, window: ExecutionSummary[]): Promise<PipelineStats> {
  const newest = [...window].sort(
    (a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0) || (a.arn < b.arn ? 1 : a.arn > b.arn ? -1 : 0),
  );
  const rows = newest.slice(0, STATS_SCAN_CAP);
  const latest = rows[0] ?? (await searchExecutions({ pipelineArn, pageSize: 1 })).items[0];
  const finished = rows.filter((r) => FINISHED.has(r.status));
  const succeeded = finished.filter((r) => r.status === "Succeeded");
  return {
    runs: rows.length,
    successRate: finished.length ? succeeded.length / finished.length : null,
    medianDurationMs: median(succeeded.map((r) => r.durationMs).filter((d): d is number => d !== undefined)),
    latestStatus: latest?.status ?? null,
    latestStartedAt: latest?.startedAt ?? null,
    capped: newest.length > STATS_SCAN_CAP,
  };
}

/** Success rate, median duration, run count and latest run over the last `days` days, per pipeline ARN. */
export async function statsOfPipelines(
  pipelineArns: string[],
  days = 30,
  now = Date.now(),
): Promise<Map<string, PipelineStats>> {
  const since = Math.floor((now - days * DAY_MS) / 60_000) * 60_000; // minute-aligned: a stable cache key
  const arns = [...new Set(pipelineArns)].sort();
  const inWindow = (e: ExecutionSummary) => (e.startedAt ?? 0) > since;
  const sets = await Promise.all(
    chunks(arns).map((chunk) =>
      syncedSearch<ExecutionSummary & { pipelineArn: string }>({
        key: `pipelines:stats:${days}:${since}:${chunk.join(",")}`,
        setKey: `pipelines:stats:${days}:${chunk.join(",")}`,
        resource: "PipelineExecution",
        expression: {
          Filters: [
            { Name: "PipelineArn", Operator: "In", Value: chunk.join(",") },
            { Name: "CreationTime", Operator: "GreaterThan", Value: new Date(since).toISOString() },
          ],
        },
        keep: inWindow,
        map: (x) => {
          const e = x.PipelineExecution;
          if (!e?.PipelineExecutionArn || !e.PipelineArn) return undefined;
          const at = e.LastModifiedTime ?? e.CreationTime;
          const value = { ...toExecutionSummary(e), pipelineArn: e.PipelineArn };
          return { arn: e.PipelineExecutionArn, modifiedAt: at?.getTime() ?? 0, value };
        },
      }),
    ),
  );
  const byPipeline = new Map<string, ExecutionSummary[]>(arns.map((a) => [a, []]));
  for (const e of sets.flat()) byPipeline.get(e.pipelineArn)?.push(e);
  const stats = await Promise.all(arns.map((a) => statsOf(a, byPipeline.get(a) ?? [])));
  return new Map(arns.map((a, i) => [a, stats[i] as PipelineStats]));
}

/** One pipeline's stats (the same synced set, of this pipeline alone). */
export async function pipelineStats(
  pipelineArn: string,
  days = 30,
  now = Date.now(),
): Promise<PipelineStats> {
  const stats = (await statsOfPipelines([pipelineArn], days, now)).get(pipelineArn);
  if (!stats) throw new Error(`No stats were computed for ${pipelineArn}.`);
  return stats;
}
