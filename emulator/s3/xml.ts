/** S3's REST XML: escaping, element helpers, error documents and its timestamp formats. */

export const S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `<name>text</name>` (text escaped); undefined values give nothing. */
export function el(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? "" : `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function document(root: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NS}">${inner}</${root}>`;
}

/** ISO 8601 with milliseconds, as S3 writes LastModified in XML. */
export const isoTime = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

/** RFC 7231 date, as S3 writes Last-Modified headers. */
export const httpDate = (epochSeconds: number): string => new Date(epochSeconds * 1000).toUTCString();

/** An S3 error: code, HTTP status, message and the extra elements S3 adds (Key, BucketName…). */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorXml(e: S3Error, requestId: string, hostId: string): string {
  const extra = Object.entries(e.extra)
    .map(([k, v]) => el(k, v))
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${el("Code", e.code)}${el("Message", e.message)}${extra}${el("RequestId", requestId)}${el("HostId", hostId)}</Error>`;
}

export const noSuchBucket = (bucket: string) =>
  new S3Error("NoSuchBucket", 404, "The specified bucket does not exist", { BucketName: bucket });
export const noSuchKey = (key: string) =>
  new S3Error("NoSuchKey", 404, "The specified key does not exist.", { Key: key });
export const accessDenied = () => new S3Error("AccessDenied", 403, "Access Denied");
export const invalidArgument = (message: string, name: string, value: string) =>
  new S3Error("InvalidArgument", 400, message, { ArgumentName: name, ArgumentValue: value });
