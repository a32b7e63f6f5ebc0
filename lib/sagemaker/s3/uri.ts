/** `s3://bucket/key/with/slashes` → `{ bucket, key }`; null for anything else (https URLs, no key). */
export function parseS3Uri(uri: string): { bucket: string; key: string } | null {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(uri.trim());
  return m?.[1] && m[2] ? { bucket: m[1], key: m[2] } : null;
}
