import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getConfig } from "@/lib/config";
import { getS3Client } from "@/lib/sagemaker/s3/client";
import { parseS3Uri } from "@/lib/sagemaker/s3/uri";
import { concurrencyLimit } from "./limit";
import { LruCache, type Loaded } from "./lru-cache";
import { parseReport, type ReportMetric } from "./parse";

/** What reading one report gave: its metrics, or why there are none. Never thrown: a page shows it instead. */
export type ReportStatus =
  "read" | "missing" | "denied" | "not-json" | "too-large" | "invalid-uri" | "unavailable";

export interface ReportRead {
  status: ReportStatus;
  metrics: ReportMetric[];
  /** numbers of the report left out (too many to show) */
  omitted: number;
  /** S3's error code or message for a failed read */
  detail?: string;
}

export interface ReportReader {
  read(uri: string): Promise<ReportRead>;
}

export interface ReportReaderOptions {
  client: () => S3Client;
  /** how long a missing or forbidden report is remembered (it may appear or be granted later) */
  negativeTtlMs: () => number;
  /** GetObject calls at once, across every page being built */
  concurrency?: number;
  maxObjectBytes?: number;
  cache?: { maxEntries: number; maxBytes: number };
}

const MISSING = new Set(["NoSuchKey", "NoSuchBucket", "NotFound"]);
const DENIED = new Set([
  "AccessDenied",
  "Forbidden",
  "AllAccessDisabled",
  "InvalidAccessKeyId",
  "AccountProblem",
]);

const failed = (status: ReportStatus, detail?: string): ReportRead => ({
  status,
  metrics: [],
  omitted: 0,
  detail,
});

/** Reports are immutable per URI: kept until evicted; failures that may change are kept briefly or not at all. */
export function createReportReader(opts: ReportReaderOptions): ReportReader {
  const cache = new LruCache<ReportRead>(opts.cache ?? { maxEntries: 5_000, maxBytes: 32 * 1024 * 1024 });
  const limit = concurrencyLimit(opts.concurrency ?? 6);
  const maxObjectBytes = opts.maxObjectBytes ?? 8 * 1024 * 1024;

  async function load(uri: string): Promise<Loaded<ReportRead>> {
    const where = parseS3Uri(uri);
    if (!where) return { value: failed("invalid-uri"), bytes: uri.length * 2 };
    const abort = new AbortController();
    try {
      return await limit(async () => {
        const r = await opts.client().send(new GetObjectCommand({ Bucket: where.bucket, Key: where.key }), {
          abortSignal: abort.signal,
        });
        if ((r.ContentLength ?? 0) > maxObjectBytes) {
          abort.abort();
          return { value: failed("too-large", `${r.ContentLength} bytes`), bytes: 100 };
        }
        const text = (await r.Body?.transformToString("utf-8")) ?? "";
        const parsed = parseReport(text);
        const value: ReportRead = parsed.ok
          ? { status: "read", metrics: parsed.metrics, omitted: parsed.omitted }
          : failed("not-json", r.ContentType);
        return { value, bytes: 200 + value.metrics.reduce((n, m) => n + 2 * m.name.length + 48, 0) };
      });
    } catch (err) {
      const name = err instanceof Error ? err.name : "Error";
      const message = err instanceof Error ? err.message : String(err);
      if (MISSING.has(name))
        return { value: failed("missing", name), bytes: 100, ttlMs: opts.negativeTtlMs() };
      if (DENIED.has(name)) return { value: failed("denied", name), bytes: 100, ttlMs: opts.negativeTtlMs() };
      return { value: failed("unavailable", `${name}: ${message}`), bytes: 0, ttlMs: 0 };
    }
  }

  return { read: (uri) => cache.get(uri, () => load(uri)) };
}

const globalForReader = globalThis as unknown as { sagedeckReportReader?: ReportReader };

/** The process-wide reader (one cache, one concurrency limit for every page). */
export function getReportReader(): ReportReader {
  globalForReader.sagedeckReportReader ??= createReportReader({
    client: getS3Client,
    negativeTtlMs: () => getConfig().sagemakerCacheTtlMs,
  });
  return globalForReader.sagedeckReportReader;
}
