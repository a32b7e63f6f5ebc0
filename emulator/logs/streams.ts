/**
 * A job's log streams (`<job-name>/algo-<n>-<epoch seconds>`, one per instance) and their events, computed from
 * the job on demand: event `i` has a time and a message derived from the job record, so nothing is stored and a
 * 100,000-line stream costs no memory until read. Events are in time order; a running job shows the events
 * whose time has come, so lines appear as the job progresses on the (virtual) clock.
 */
import { scaled } from "../core/clock";
import type { State } from "../core/state";
import { bucketObjects } from "../ops/jobs/s3";
import { body, header, tail } from "./lines";
import { catalogOf, LOG_GROUPS, type JobSource } from "./sources";
import type { BodyPlan } from "./training-lines";

export class LogStream {
  readonly name: string;
  /** epoch seconds the container started (the stream's creation) */
  readonly created: number;
  private readonly head: string[];
  private readonly main: BodyPlan;
  private readonly last: string[];
  private readonly headStep: number;
  private readonly bodyStart: number;
  private readonly bodyStep: number;

  constructor(
    readonly group: string,
    readonly src: JobSource,
    instance: number,
    evaluation: string[],
  ) {
    this.created = containerStart(src);
    this.name = `${src.name}/algo-${instance}-${Math.floor(this.created)}`;
    this.head = header(src, `algo-${instance}`, this.created);
    const planned = body(src, []);
    const failed = src.failure !== undefined && planned.count > 0 && src.kind !== "training";
    this.main = failed ? { count: Math.ceil(planned.count * 0.6), line: (i) => planned.line(i) } : planned;
    this.last =
      src.end !== undefined ? [...(src.status === "Completed" ? evaluation : []), ...tail(src)] : [];
    const finish = src.end ?? src.plannedEnd;
    // the header's pace does not depend on the job's end, so lines already read keep their times when it ends
    this.headStep = scaled(0.2);
    this.bodyStart = this.created + this.headStep * this.head.length;
    const bodyEnd = finish !== undefined && src.status !== "Stopped" ? finish - 0.001 : undefined;
    // without a known end (a job started outside a pipeline, or stopped), one line every 2 seconds
    this.bodyStep =
      bodyEnd !== undefined ? Math.max(0, bodyEnd - this.bodyStart) / Math.max(1, this.main.count) : 2;
  }

  /** Every event the job will have written by its end (or so far, while it runs and the end is unknown). */
  get total(): number {
    return this.head.length + this.main.count + this.last.length;
  }

  /** Epoch milliseconds of event i. */
  time(i: number): number {
    const h = this.head.length;
    let t: number;
    if (i < h) t = this.created + i * this.headStep;
    else if (i < h + this.main.count) t = this.bodyStart + (i - h + 1) * this.bodyStep;
    else t = (this.src.end ?? this.created) + (i - h - this.main.count) * 0.001;
    const ms = Math.floor(t * 1000);
    return this.src.end !== undefined && i < h + this.main.count
      ? Math.min(ms, Math.floor(this.src.end * 1000))
      : ms;
  }

  message(i: number): string {
    const h = this.head.length;
    if (i < h) return this.head[i] ?? "";
    if (i < h + this.main.count) return this.main.line(i - h);
    return this.last[i - h - this.main.count] ?? "";
  }

  /** How many events exist at `nowMs` (events are in time order). */
  visible(nowMs: number): number {
    return this.firstAtOrAfter(nowMs + 1);
  }

  /** Index of the first event with time ≥ t (binary search). */
  firstAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.total;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.time(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * When the container starts (the stream's creation and the number in its name): a few seconds after the job,
 * whatever its end turns out to be, so the stream keeps its name when the job ends; never after it ended.
 */
function containerStart(src: JobSource): number {
  const at = src.start + scaled(5);
  return src.end !== undefined ? Math.min(at, src.end) : at;
}

/** The evaluation documents a processing job wrote under its outputs (its property files), as it prints them. */
function evaluationLines(state: State, src: JobSource): string[] {
  if (src.kind !== "processing" || src.status !== "Completed") return [];
  const out: string[] = [];
  for (const uri of src.outputs) {
    const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
    if (!m?.[1]) continue;
    const prefix = (m[2] ?? "").replace(/\/?$/, "/");
    for (const o of bucketObjects(state, m[1]))
      if (o.key.startsWith(prefix) && o.key.endsWith(".json")) {
        out.push(`INFO:root:Writing evaluation report to s3://${o.bucket}/${o.key}`);
        out.push(`INFO:root:Evaluation report: ${o.body.replace(/\s+/g, " ").slice(0, 4000)}`);
      }
  }
  return out;
}

/** The streams of one log group at `nowMs` (those whose container has started), in job start order. */
export function streamsOf(state: State, group: string, nowMs: number): LogStream[] | undefined {
  const sources = catalogOf(state).groups.get(group);
  if (!sources) return undefined;
  const out: LogStream[] = [];
  for (const src of sources) {
    if (containerStart(src) * 1000 > nowMs) continue;
    // a listing does not read the evaluation documents (only their few last lines depend on them)
    for (let i = 1; i <= Math.max(1, Math.min(src.instances, 20)); i++)
      out.push(new LogStream(group, src, i, []));
  }
  return out;
}

/** One stream by name, without building the others (the job name is the stream name's first part). */
export function findStream(state: State, group: string, name: string, nowMs: number): LogStream | undefined {
  const kind = (Object.keys(LOG_GROUPS) as (keyof typeof LOG_GROUPS)[]).find((k) => LOG_GROUPS[k] === group);
  const m = /^(.+)\/algo-(\d+)-\d+$/.exec(name);
  if (!kind || !m?.[1]) return undefined;
  const src = catalogOf(state).byName.get(`${kind}:${m[1].toLowerCase()}`);
  if (!src || containerStart(src) * 1000 > nowMs) return undefined;
  const s = new LogStream(group, src, Number(m[2]), evaluationLines(state, src));
  return s.name === name && Number(m[2]) <= Math.max(1, src.instances) ? s : undefined;
}

export function groupExists(state: State, group: string): boolean {
  return catalogOf(state).groups.has(group);
}
