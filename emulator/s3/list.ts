/** ListObjectsV2 (`GET /<bucket>?list-type=2`) and ListBuckets (`GET /`) over the emulated object store. */
import { createHash } from "node:crypto";
import type { State } from "../core/state";
import { bucketObjects, buckets, type StoredObject } from "../ops/jobs/s3";
import { document, el, invalidArgument, isoTime, noSuchBucket } from "./xml";
import { OWNER_ID } from "./owner";

export const etagOf = (body: string): string => `"${createHash("md5").update(body).digest("hex")}"`;

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Opaque continuation tokens: where the previous page ended (a key, or a common prefix it rolled up). */
function encodeToken(after: { key?: string; prefix?: string }): string {
  return Buffer.from(JSON.stringify(after), "utf8").toString("base64");
}

function decodeToken(token: string): { key?: string; prefix?: string } {
  try {
    const v = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.key === "string") return { key: o.key };
      if (typeof o.prefix === "string") return { prefix: o.prefix };
    }
  } catch {
    // falls through to the error below
  }
  throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
}

function maxKeysOf(raw: string | null): number {
  if (raw === null) return 1000;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n))
    throw invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", raw);
  return Math.min(n, 1000);
}

export function listObjectsV2(state: State, bucket: string, q: URLSearchParams): string {
  const all = bucketObjects(state, bucket);
  if (all.length === 0) throw noSuchBucket(bucket);
  const prefix = q.get("prefix") ?? "";
  const delimiter = q.get("delimiter") ?? "";
  const maxKeys = maxKeysOf(q.get("max-keys"));
  const tokenText = q.get("continuation-token");
  const startAfter = q.get("start-after") ?? undefined;
  const url = q.get("encoding-type") === "url";
  const enc = (s: string) => (url ? encodeURIComponent(s).replace(/%2F/g, "/") : s);
  const token = tokenText !== null ? decodeToken(tokenText) : undefined;
  const after = token?.key ?? token?.prefix ?? startAfter ?? "";

  const sorted = all.filter((o) => o.key.startsWith(prefix)).sort((a, b) => byteOrder(a.key, b.key));
  const contents: StoredObject[] = [];
  const prefixes: string[] = [];
  let last: { key?: string; prefix?: string } | undefined;
  let truncated = false;
  for (const o of sorted) {
    if (after && byteOrder(o.key, after) <= 0) continue;
    if (token?.prefix && o.key.startsWith(token.prefix)) continue;
    const cut = delimiter ? o.key.indexOf(delimiter, prefix.length) : -1;
    const common = cut >= 0 ? o.key.slice(0, cut + delimiter.length) : undefined;
    if (common !== undefined && prefixes[prefixes.length - 1] === common) continue;
    if (contents.length + prefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (common !== undefined) {
      prefixes.push(common);
      last = { prefix: common };
    } else {
      contents.push(o);
      last = { key: o.key };
    }
  }
  const items = contents
    .map(
      (o) =>
        `<Contents>${el("Key", enc(o.key))}${el("LastModified", isoTime(o.lastModified))}${el("ETag", etagOf(o.body))}${el("Size", Buffer.byteLength(o.body))}${el("StorageClass", "STANDARD")}${
          q.get("fetch-owner") === "true" ? `<Owner>${el("ID", OWNER_ID)}</Owner>` : ""
        }</Contents>`,
    )
    .join("");
  const common = prefixes.map((p) => `<CommonPrefixes>${el("Prefix", enc(p))}</CommonPrefixes>`).join("");
  return document(
    "ListBucketResult",
    el("Name", bucket) +
      el("Prefix", enc(prefix)) +
      (tokenText !== null ? el("ContinuationToken", tokenText) : "") +
      (truncated && last ? el("NextContinuationToken", encodeToken(last)) : "") +
      el("KeyCount", contents.length + prefixes.length) +
      el("MaxKeys", maxKeys) +
      (delimiter ? el("Delimiter", enc(delimiter)) : "") +
      el("IsTruncated", truncated) +
      (startAfter !== undefined ? el("StartAfter", enc(startAfter)) : "") +
      items +
      common +
      (url ? el("EncodingType", "url") : ""),
  );
}

export function listBuckets(state: State): string {
  const list = buckets(state)
    .map((b) => `<Bucket>${el("Name", b.name)}${el("CreationDate", isoTime(b.created))}</Bucket>`)
    .join("");
  return document("ListAllMyBucketsResult", `<Owner>${el("ID", OWNER_ID)}</Owner><Buckets>${list}</Buckets>`);
}
