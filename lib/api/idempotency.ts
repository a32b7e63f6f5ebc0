/**
 * The one idempotency mechanism, used by the route wrapper for routes declared `idempotent`: the
 * Idempotency-Key header scopes a request to (key, user, method + path). The first request holds a lease
 * (renewed while it runs) and stores its answer; a repeat gets that answer back (`Idempotent-Replayed: true`),
 * waits briefly while the first still runs, and takes the key over once the lease has lapsed (the first
 * request's process died), so no key answers "still running" forever. A failed answer (≥ 400) frees the key.
 */
import type { Db } from "@/lib/db/client";
import {
  claimKey,
  completeKey,
  hashRequest,
  releaseKey,
  renewKey,
  type IdempotencyScope,
} from "@/lib/db/idempotency";
import { BadRequestError, ConflictError, ValidationError } from "@/lib/errors";

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export interface IdempotencyOptions {
  /** 400 when the header is missing (otherwise a request without a key simply runs). */
  required?: boolean;
  /** What identifies the request's content (default: the parsed body); a reused key with other content is 409. */
  fingerprint?: (body: unknown) => unknown;
  /** Brings a stored answer up to date on replay (e.g. a decision still "deploying" when first answered). */
  refresh?: (stored: StoredAnswer) => Promise<StoredAnswer>;
}

export type IdempotentOption = true | IdempotencyOptions;

export const idempotencyTiming = { leaseMs: 60_000, waitMs: 10_000, pollMs: 100 };

const KEY_FORMAT = /^[\w.:-]{8,128}$/;

export function idempotencyKeyOf(req: Request, option: IdempotentOption): string | null {
  const key = req.headers.get("idempotency-key");
  const required = option !== true && option.required === true;
  if (!key) {
    if (required)
      throw new BadRequestError("Send an Idempotency-Key header (any unique string per submission).");
    return null;
  }
  if (!KEY_FORMAT.test(key)) {
    throw new ValidationError(
      "Idempotency-Key must be 8-128 characters of letters, digits, '.', '_', ':' or '-'.",
    );
  }
  return key;
}

const replay = (a: StoredAnswer) =>
  Response.json(a.body, { status: a.status, headers: { "Idempotent-Replayed": "true" } });

async function bodyOf(res: Response): Promise<unknown> {
  try {
    return (await res.clone().json()) as unknown;
  } catch {
    return null;
  }
}

async function runHolding(db: Db, scope: IdempotencyScope, run: () => Promise<Response>): Promise<Response> {
  const { leaseMs } = idempotencyTiming;
  const renew = setInterval(() => void renewKey(db, scope, leaseMs).catch(() => undefined), leaseMs / 3);
  try {
    const res = await run();
    if (res.status < 400) await completeKey(db, scope, res.status, await bodyOf(res));
    else await releaseKey(db, scope);
    return res;
  } catch (err) {
    await releaseKey(db, scope);
    throw err;
  } finally {
    clearInterval(renew);
  }
}

/** Runs `run` once per key: the first answer is stored and replayed; see the module comment. */
export async function runIdempotent(
  db: Db,
  scope: IdempotencyScope,
  request: unknown,
  option: IdempotentOption,
  run: () => Promise<Response>,
): Promise<Response> {
  const requestHash = hashRequest(
    option !== true && option.fingerprint ? option.fingerprint(request) : request,
  );
  const deadline = Date.now() + idempotencyTiming.waitMs;
  for (;;) {
    const row = await claimKey(db, scope, requestHash, idempotencyTiming.leaseMs);
    if (row === true) return runHolding(db, scope, run);
    if (row.requestHash !== requestHash) {
      throw new ConflictError(
        "This Idempotency-Key was already used for a different request; use a new key.",
      );
    }
    if (row.status != null) {
      const stored = { status: row.status, body: row.response };
      return replay(option !== true && option.refresh ? await option.refresh(stored) : stored);
    }
    if (Date.now() > deadline) {
      throw new ConflictError(
        "The first request with this Idempotency-Key is still running; try again in a moment.",
      );
    }
    await new Promise((r) => setTimeout(r, idempotencyTiming.pollMs));
  }
}
