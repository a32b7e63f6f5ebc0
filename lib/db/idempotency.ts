import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Db } from "./client";
import { idempotencyKeys } from "./schema";

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyScope {
  key: string;
  actor: string;
  route: string;
  /** Anything that identifies the request's content; a reused key with different content is refused. */
  request: unknown;
}

export function hashRequest(request: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(request ?? null))
    .digest("hex");
}

/**
 * Runs `fn` once per (key, actor, route). A repeat gets the first response back (`replayed: true`).
 * Only successful responses (status < 400) are kept; after a failure the same key may be retried.
 */
export async function withIdempotency(
  db: Db,
  scope: IdempotencyScope,
  fn: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!/^[\w.:-]{8,128}$/.test(scope.key)) {
    throw new ValidationError(
      "Idempotency-Key must be 8-128 characters of letters, digits, '.', '_', ':' or '-'.",
    );
  }
  const requestHash = hashRequest(scope.request);
  const where = and(
    eq(idempotencyKeys.key, scope.key),
    eq(idempotencyKeys.actor, scope.actor),
    eq(idempotencyKeys.route, scope.route),
  );
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ key: scope.key, actor: scope.actor, route: scope.route, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const [row] = await db.select().from(idempotencyKeys).where(where).limit(1);
    if (row && row.requestHash !== requestHash) {
      throw new ConflictError(
        "This Idempotency-Key was already used for a different request; use a new key.",
      );
    }
    if (row?.status == null) {
      throw new ConflictError(
        "The first request with this Idempotency-Key is still running; try again in a moment.",
      );
    }
    return { status: row.status, body: row.response, replayed: true };
  }

  try {
    const result = await fn();
    if (result.status < 400) {
      await db.update(idempotencyKeys).set({ status: result.status, response: result.body }).where(where);
    } else {
      await db.delete(idempotencyKeys).where(where);
    }
    return { ...result, replayed: false };
  } catch (err) {
    await db.delete(idempotencyKeys).where(where);
    throw err;
  }
}
