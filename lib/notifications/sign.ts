import { createHmac, timingSafeEqual } from "node:crypto";

/** `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`: the X-SageDeck-Signature of a webhook delivery. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * What a receiver does (lib/notifications/README.md): recompute the signature over the raw body, compare in
 * constant time, and refuse a timestamp older than `toleranceSeconds` (a replayed request).
 */
export function verifySignature(opts: {
  secret: string;
  timestamp: string;
  body: string;
  signature: string;
  toleranceSeconds?: number;
  now?: number;
}): boolean {
  const ts = Number(opts.timestamp);
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (!Number.isInteger(ts) || Math.abs(now - ts) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signBody(opts.secret, opts.timestamp, opts.body));
  const got = Buffer.from(opts.signature);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
