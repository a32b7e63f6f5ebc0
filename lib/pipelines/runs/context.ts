/** What every run verb (start, stop, retry) shares: its context, the permission, the token, idempotency. */
import { createHash } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import { withIdempotency, type StoredResponse } from "@/lib/db/idempotency";
import { ConflictError, ForbiddenError } from "@/lib/errors";

export interface VerbContext {
  db: Db;
  user: SessionUser;
  idempotencyKey: string;
  requestId?: string;
}

export interface ExecutionRef {
  executionArn: string;
  executionId: string;
  replayed: boolean;
}

/** 64 hex characters: within SageMaker's 32–128, stable for (user, verb, target, key). */
export function clientRequestToken(actor: string, scope: string, key: string): string {
  return createHash("sha256").update(`${actor}\n${scope}\n${key}`).digest("hex");
}

export function requireRun(user: SessionUser): void {
  if (!can(user.role, "pipelines.run"))
    throw new ForbiddenError(`Your role (${user.role}) may not start, stop or retry pipeline runs.`);
}

/** withIdempotency, waiting (briefly) while a first identical request is still running. */
export async function once(
  ctx: VerbContext,
  route: string,
  request: unknown,
  fn: () => Promise<StoredResponse>,
) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await withIdempotency(
        ctx.db,
        { key: ctx.idempotencyKey, actor: ctx.user.id, route, request },
        fn,
      );
    } catch (err) {
      const running = err instanceof ConflictError && /still running/.test(err.message);
      if (!running || attempt >= 40) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
