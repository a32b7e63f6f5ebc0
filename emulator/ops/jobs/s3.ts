/**
 * A minimal emulated S3 object store, persisted as a collection. Jobs write model artefacts and
 * evaluation reports here; ModelMetrics in the registry point at these URIs (`s3://bucket/key`).
 */
import { defineCollection, type State } from "../../core/state";

interface S3Object {
  uri: string;
  body: string;
  contentType: string;
}

const objects = defineCollection<S3Object>("s3.objects");

/** Normalises `s3://bucket/key` (rejects anything else). */
function normalise(uri: string): string {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri.trim());
  if (!m?.[1] || !m[2]) throw new Error(`Not an S3 URI: ${uri}`);
  return `s3://${m[1]}/${m[2]}`;
}

export function putObject(state: State, uri: string, body: string, contentType?: string): void {
  const key = normalise(uri);
  objects(state).set(key, { uri: key, body, contentType: contentType ?? "application/json" });
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
