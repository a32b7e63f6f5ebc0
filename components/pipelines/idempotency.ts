/** A fresh Idempotency-Key per submission (the same key is reused if that submission is sent twice). */
export function newIdempotencyKey(): string {
  return `ui-${crypto.randomUUID()}`;
}
