/**
 * S3's REST API on the emulator's port, driven by the unchanged @aws-sdk/client-s3 (path-style, custom endpoint),
 * over the objects the seeded pipelines and registry wrote; raw answers checked against botocore's S3 model.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { DescribeModelPackageCommand, ListModelPackagesCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";
import { S3ModelChecker, locateS3Model, parseXml } from "../testing/model/s3-model";

const emu = emulatorFixture();
const s3 = () =>
  new S3Client({
    endpoint: emu.handle().endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });

/** The evaluation report a seeded version references from ModelMetrics. */
async function seededReportUri(): Promise<string> {
  const list = await emu
    .client()
    .send(new ListModelPackagesCommand({ ModelPackageGroupName: "churn-xgboost" }));
  const arn = list.ModelPackageSummaryList?.[0]?.ModelPackageArn;
  const pkg = await emu.client().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
  const uri = pkg.ModelMetrics?.ModelQuality?.Statistics?.S3Uri;
  if (!uri) throw new Error("seeded version without ModelMetrics");
  return uri;
}

const split = (uri: string) => {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return { Bucket: m?.[1] ?? "", Key: m?.[2] ?? "" };
};

async function errorOf(p: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await p;
  } catch (err) {
    if (err instanceof S3ServiceException) return err;
    throw err;
  }
  throw new Error("expected an S3 error");
}

/** A raw request with a SigV4-shaped Authorization header (the emulator does not verify signatures), to see S3's bytes. */
function raw(method: string, path: string): Promise<Response> {
  return fetch(new URL(path, emu.handle().endpoint), {
    method,
    headers: {
      authorization:
        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00",
    },
  });
}

describe("S3 REST API (path-style)", () => {
  it("GetObject returns a seeded evaluation report referenced from ModelMetrics, with S3's headers", async () => {
    const loc = split(await seededReportUri());
    const out = await s3().send(new GetObjectCommand(loc));
    const text = await out.Body?.transformToString();
    expect(JSON.parse(text ?? "")).toMatchObject({});
    expect(out.ContentType).toBe("application/json");
    expect(out.ContentLength).toBe(Buffer.byteLength(text ?? ""));
    expect(out.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(out.LastModified).toBeInstanceOf(Date);
    expect(out.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
    const head = await s3().send(new HeadObjectCommand(loc));
    expect(head.ETag).toBe(out.ETag);
    expect(head.ContentLength).toBe(out.ContentLength);
    expect(head.LastModified?.getTime()).toBe(out.LastModified?.getTime());
  });

  it("missing key, missing bucket and an unsigned request answer S3's errors", async () => {
    const { Bucket } = split(await seededReportUri());
    const key = await errorOf(s3().send(new GetObjectCommand({ Bucket, Key: "no/such/key.json" })));
    expect([key.name, key.$metadata.httpStatusCode]).toEqual(["NoSuchKey", 404]);
    expect(key.message).toBe("The specified key does not exist.");
    const bucket = await errorOf(s3().send(new GetObjectCommand({ Bucket: "no-such-bucket-x", Key: "a" })));
    expect([bucket.name, bucket.$metadata.httpStatusCode]).toEqual(["NoSuchBucket", 404]);
    const list = await errorOf(s3().send(new ListObjectsV2Command({ Bucket: "no-such-bucket-x" })));
    expect(list.name).toBe("NoSuchBucket");
    const head = await errorOf(s3().send(new HeadObjectCommand({ Bucket, Key: "no/such/key.json" })));
    expect(head.$metadata.httpStatusCode).toBe(404);
    const anonymous = await fetch(`${emu.handle().endpoint}/${Bucket}/anything`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/);
  });

  it("an injected AccessDenied fault reaches the SDK as AccessDenied (403)", async () => {
    const loc = split(await seededReportUri());
    await emu.handle().control("POST", "faults", {
      operation: "s3:GetObject",
      errorCode: "AccessDenied",
      status: 403,
      message: "Access Denied",
      count: 1,
    });
    const denied = await errorOf(s3().send(new GetObjectCommand(loc)));
    expect([denied.name, denied.$metadata.httpStatusCode]).toEqual(["AccessDenied", 403]);
    await expect(s3().send(new GetObjectCommand(loc))).resolves.toBeDefined();
  });

  it("ListObjectsV2 pages with continuation tokens, in key order, and rolls up common prefixes", async () => {
    const { Bucket, Key } = split(await seededReportUri());
    const prefix = Key.split("/")[0] + "/";
    const keys: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2(
      { client: s3(), pageSize: 7 },
      { Bucket, Prefix: prefix },
    )) {
      pages++;
      expect(page.KeyCount).toBe(page.Contents?.length ?? 0);
      expect(page.MaxKeys).toBe(7);
      keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ""));
    }
    expect(keys.length).toBeGreaterThan(7);
    expect(pages).toBe(Math.ceil(keys.length / 7));
    expect(keys).toContain(Key);
    expect([...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))).toEqual(keys);
    expect(keys.every((k) => k.startsWith(prefix))).toBe(true);
    const rolled = await s3().send(new ListObjectsV2Command({ Bucket, Delimiter: "/" }));
    expect(rolled.Contents ?? []).toEqual([]);
    expect(rolled.CommonPrefixes?.map((c) => c.Prefix)).toContain(prefix);
    const buckets = await s3().send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toContain(Bucket);
  });

  it("answers conform to botocore's S3 model", async () => {
    const file = locateS3Model();
    if (!file) {
      if (process.env.CI === "true") throw new Error("botocore's S3 model is required in CI");
      console.warn("S3 model check skipped: python3 with botocore not found");
      return;
    }
    const checker = new S3ModelChecker(file);
    const { Bucket, Key } = split(await seededReportUri());
    const violations: string[] = [];
    const ok = async (operation: string, method: string, path: string) => {
      const res = await raw(method, path);
      expect(res.status, `${operation} ${path}`).toBe(200);
      violations.push(...checker.output(operation, res.headers, await res.text()));
      return res;
    };
    const list = await ok("ListObjectsV2", "GET", `/${Bucket}?list-type=2&max-keys=3&fetch-owner=true`);
    const doc = parseXml(await (await raw("GET", `/${Bucket}?list-type=2&max-keys=3`)).text());
    expect(doc.name).toBe("ListBucketResult");
    for (const always of ["Name", "Prefix", "KeyCount", "MaxKeys", "IsTruncated", "NextContinuationToken"])
      expect(doc.children.map((c) => c.name)).toContain(always);
    expect(list.headers.get("content-type")).toBe("application/xml");
    await ok("ListObjectsV2", "GET", `/${Bucket}?list-type=2&delimiter=%2F&encoding-type=url`);
    await ok("ListBuckets", "GET", "/");
    await ok("HeadBucket", "HEAD", `/${Bucket}`);
    const get = await ok("GetObject", "GET", `/${Bucket}/${Key}`);
    for (const h of ["etag", "content-length", "content-type", "last-modified", "x-amz-request-id"])
      expect(get.headers.get(h), h).not.toBeNull();
    await ok("HeadObject", "HEAD", `/${Bucket}/${Key}`);
    for (const [operation, path] of [
      ["GetObject", `/${Bucket}/missing.json`],
      ["GetObject", `/no-such-bucket-x/a`],
      ["ListObjectsV2", `/no-such-bucket-x?list-type=2`],
      ["ListObjectsV2", `/${Bucket}?list-type=2&continuation-token=bm9wZQ`],
    ] as const) {
      const res = await raw("GET", path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("x-amz-request-id")).toBeTruthy();
      violations.push(...checker.error(operation, await res.text()));
    }
    expect(violations).toEqual([]);
  });
});
