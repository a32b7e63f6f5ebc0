/**
 * S3's REST API (path-style) over the emulated object store: GetObject, HeadObject, ListObjectsV2, HeadBucket and
 * ListBuckets, with S3's XML errors and headers. Read-only; SigV4 signatures are not verified, but a request must
 * carry one (an `Authorization` header or a presigned URL's `X-Amz-Signature`), or it is `AccessDenied`.
 */
import type http from "node:http";
import { randomBytes } from "node:crypto";
import { AwsError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import { findObject, bucketObjects } from "../ops/jobs/s3";
import { etagOf, listBuckets, listObjectsV2 } from "./list";
import { S3Error, accessDenied, errorXml, httpDate, noSuchBucket, noSuchKey } from "./xml";

const XML = "application/xml";

interface Answer {
  status: number;
  headers: Record<string, string | number>;
  body?: string;
}

interface Parsed {
  operation: string;
  bucket?: string;
  key?: string;
  query: URLSearchParams;
}

/** Path-style addressing: `/<bucket>/<key…>`; the operation follows from the method, the path and the query. */
function parse(method: string, rawUrl: string): Parsed {
  const url = new URL(rawUrl, "http://127.0.0.1");
  const path = url.pathname.replace(/^\/+/, "");
  const slash = path.indexOf("/");
  const bucket = decodeURIComponent(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? "" : decodeURIComponent(path.slice(slash + 1));
  const query = url.searchParams;
  const get = method === "GET";
  if (method !== "GET" && method !== "HEAD")
    return { operation: `${method} (not emulated)`, bucket, key, query };
  if (!bucket) return { operation: get ? "ListBuckets" : "HeadRoot", query };
  if (!key) {
    if (!get) return { operation: "HeadBucket", bucket, query };
    return { operation: query.get("list-type") === "2" ? "ListObjectsV2" : "ListObjects", bucket, query };
  }
  return { operation: get ? "GetObject" : "HeadObject", bucket, key, query };
}

function signed(req: http.IncomingMessage, query: URLSearchParams): boolean {
  return Boolean(req.headers.authorization) || query.has("X-Amz-Signature");
}

function objectAnswer(em: Emulator, p: Parsed, req: http.IncomingMessage, withBody: boolean): Answer {
  const bucket = p.bucket ?? "";
  const key = p.key ?? "";
  const o = findObject(em.state, bucket, key);
  if (!o) throw bucketObjects(em.state, bucket).length === 0 ? noSuchBucket(bucket) : noSuchKey(key);
  const etag = etagOf(o.body);
  const headers = {
    ETag: etag,
    "Last-Modified": httpDate(o.lastModified),
    "Accept-Ranges": "bytes",
    "Content-Type": o.contentType,
  };
  const inm = req.headers["if-none-match"];
  if (typeof inm === "string" && inm.split(",").some((t) => t.trim() === etag || t.trim() === "*"))
    return { status: 304, headers };
  return {
    status: 200,
    headers: { ...headers, "Content-Length": Buffer.byteLength(o.body) },
    body: withBody ? o.body : undefined,
  };
}

function answer(em: Emulator, p: Parsed, req: http.IncomingMessage): Answer {
  const xml = (body: string): Answer => ({
    status: 200,
    headers: { "Content-Type": XML, "Content-Length": Buffer.byteLength(body) },
    body,
  });
  switch (p.operation) {
    case "GetObject":
      return objectAnswer(em, p, req, true);
    case "HeadObject":
      return objectAnswer(em, p, req, false);
    case "ListObjectsV2":
      return xml(listObjectsV2(em.state, p.bucket ?? "", p.query));
    case "ListBuckets":
      return xml(listBuckets(em.state));
    case "HeadBucket":
      if (bucketObjects(em.state, p.bucket ?? "").length === 0) throw noSuchBucket(p.bucket ?? "");
      return { status: 200, headers: { "x-amz-bucket-region": process.env.EMULATOR_REGION ?? "us-east-1" } };
    case "ListObjects":
      throw new S3Error(
        "NotImplemented",
        501,
        "A header or query you provided implies functionality that is not implemented. The emulator lists with ListObjectsV2 (list-type=2) only.",
      );
    default:
      throw new S3Error(
        "MethodNotAllowed",
        405,
        "The specified method is not allowed against this resource. The emulator's S3 is read-only.",
        { Method: req.method ?? "", ResourceType: p.key ? "OBJECT" : "BUCKET" },
      );
  }
}

/** Answers one S3 request; returns the operation and status for the server's log line. */
export async function handleS3(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  em: Emulator,
): Promise<{ operation: string; status: number }> {
  const method = req.method ?? "GET";
  const p = parse(method, req.url ?? "/");
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  const hostId = randomBytes(24).toString("base64");
  const common = {
    "x-amz-request-id": requestId,
    "x-amz-id-2": hostId,
    Date: new Date().toUTCString(),
    Server: "AmazonS3",
  };
  for await (const chunk of req) void chunk; // drain any body
  const op = `s3:${p.operation}`;
  let a: Answer;
  try {
    if (!signed(req, p.query)) throw accessDenied();
    try {
      await em.faults.apply(op);
    } catch (err) {
      if (err instanceof AwsError) throw new S3Error(err.code, err.status, err.message);
      throw err;
    }
    a = answer(em, p, req);
    em.stats.record(op, true);
  } catch (err) {
    em.stats.record(op, false);
    const e =
      err instanceof S3Error
        ? err
        : new S3Error("InternalError", 500, "We encountered an internal error. Please try again.");
    if (!(err instanceof S3Error)) console.error(`[emulator] s3 ${requestId}`, err);
    const body = method === "HEAD" ? undefined : errorXml(e, requestId, hostId);
    a = {
      status: e.status,
      headers: { "Content-Type": XML, ...(body ? { "Content-Length": Buffer.byteLength(body) } : {}) },
      body,
    };
  }
  res.writeHead(a.status, { ...common, ...a.headers });
  res.end(method === "HEAD" ? undefined : a.body);
  return { operation: op, status: a.status };
}
