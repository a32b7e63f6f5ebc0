/**
 * The one idempotency mechanism, used by the route wrapper for routes declared `idempotent`: the
 * Idempotency-Key header scopes a request to (key, user, method + path). The first request holds a short lease
 * (10 s, renewed every 3 s while it runs) and stores its answer; a repeat gets that answer back
 * (`Idempotent-Replayed: true`), waits while the first still runs, and takes the key over once the lease has
 * lapsed, so no key answers "still running" for long. A failed answer (≥ 400) frees the key; when it cannot (the
 * database was unreachable at the end) the lease lapses within 10 s and a retry after the outage runs — a repeat
 * waits a little longer than one lease, so it is served rather than refused. A key still held after the wait is
 * 409 with Retry-After (the seconds until its lease lapses unless renewed).
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
import { BadRequestError, ConflictError, KeyInUseError, ValidationError } from "@/lib/errors";

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

/** lease: how long a key stays held without renewal; renew: how often a running request renews it; wait: how long
 * a repeat waits for the first (longer than a lease: a holder that could not free the key has lapsed by then). */
export const idempotencyTiming = { leaseMs: 10_000, renewMs: 3_000, waitMs: 12_000, pollMs: 100 };

export const IDEMPOTENCY_KEY_FORMAT = /^[\w.:-]{8,128}$/;

export function idempotencyKeyOf(req: Request, option: IdempotentOption): string | null {
  const key = req.headers.get("idempotency-key");
  const required = option !== true && option.required === true;
  if (!key) {
    if (required)
      throw new BadRequestError("Send an Idempotency-Key header (any unique string per submission).");
    return null;
  }
  if (!IDEMPOTENCY_KEY_FORMAT.test(key)) {
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
  const { leaseMs, renewMs } = idempotencyTiming;
  const renew = setInterval(() => void renewKey(db, scope, leaseMs).catch(() => undefined), renewMs);
  renew.unref();
  // freeing the key must not hide the answer (the database may be what failed): an unreleased key's lease lapses
  const release = () => releaseKey(db, scope).catch(() => undefined);
  try {
    const res = await run();
    if (res.status < 400) await completeKey(db, scope, res.status, await bodyOf(res));
    else await release();
    return res;
  } catch (err) {
    await release();
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
      const seconds = Math.max(1, Math.ceil(((row.leaseUntil?.getTime() ?? 0) - Date.now()) / 1000));
      throw new KeyInUseError(
        `The first request with this Idempotency-Key is still running; try again in ${seconds} s (Retry-After) with the same key.`,
        seconds,
      );
    }
    await new Promise((r) => setTimeout(r, idempotencyTiming.pollMs));
  }
}
