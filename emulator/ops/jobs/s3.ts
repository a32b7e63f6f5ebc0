/**
 * A minimal emulated S3 object store, persisted as a collection. Jobs write model artefacts and
 * evaluation reports here; ModelMetrics in the registry point at these URIs (`s3://bucket/key`).
 * `emulator/s3/` serves it over S3's REST API (GetObject, HeadObject, ListObjectsV2).
 */
import { defineCollection, type State } from "../../core/state";

interface S3Object {
  uri: string;
  body: string;
  contentType: string;
  /** epoch seconds of the write (absent in state written before it was recorded) */
  lastModified?: number;
}

export interface StoredObject {
  bucket: string;
  key: string;
  body: string;
  contentType: string;
  lastModified: number;
}

/** Objects written before `lastModified` was recorded show this time (2026-01-01T00:00:00Z). */
const UNKNOWN_TIME = 1_767_225_600;

const objects = defineCollection<S3Object>("s3.objects");

/** Normalises `s3://bucket/key` (rejects anything else). */
function normalise(uri: string): string {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri.trim());
  if (!m?.[1] || !m[2]) throw new Error(`Not an S3 URI: ${uri}`);
  return `s3://${m[1]}/${m[2]}`;
}

/** Writes an object; `at` (epoch seconds) is its LastModified, the caller's clock (virtual while seeding). */
export function putObject(state: State, uri: string, body: string, contentType?: string, at?: number): void {
  const key = normalise(uri);
  objects(state).set(key, {
    uri: key,
    body,
    contentType: contentType ?? "application/json",
    lastModified: Math.floor(at ?? Date.now() / 1000),
  });
}

export function getObject(state: State, uri: string): { body: string; contentType: string } | undefined {
  let key: string;
  try {
    key = normalise(uri);
  } catch {
    return undefined;
  }
  const o = objects(state).get(key);
  return o ? { body: o.body, contentType: o.contentType } : undefined;
}

function stored(o: S3Object): StoredObject {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(o.uri);
  return {
    bucket: m?.[1] ?? "",
    key: m?.[2] ?? "",
    body: o.body,
    contentType: o.contentType,
    lastModified: o.lastModified ?? UNKNOWN_TIME,
  };
}

/** One object by bucket and key, as the REST API addresses it. */
export function findObject(state: State, bucket: string, key: string): StoredObject | undefined {
  const o = objects(state).get(`s3://${bucket}/${key}`);
  return o ? stored(o) : undefined;
}

/** Every object of a bucket (unsorted); an empty list means the bucket does not exist (buckets are implicit). */
export function bucketObjects(state: State, bucket: string): StoredObject[] {
  const prefix = `s3://${bucket}/`;
  const out: StoredObject[] = [];
  for (const [uri, o] of objects(state).entries()) if (uri.startsWith(prefix)) out.push(stored(o));
  return out;
}

/** Every bucket that holds at least one object, with the time of its oldest object. */
export function buckets(state: State): { name: string; created: number }[] {
  const out = new Map<string, number>();
  for (const o of objects(state).values()) {
    const s = stored(o);
    out.set(s.bucket, Math.min(out.get(s.bucket) ?? Infinity, s.lastModified));
  }
  return [...out].map(([name, created]) => ({ name, created })).sort((a, b) => (a.name < b.name ? -1 : 1));
}
