import { createHmac } from "node:crypto";
import { validation } from "./errors";
import { stableStringify } from "./json";

/** Secret that signs NextTokens; fixed per process run unless EMULATOR_TOKEN_SECRET is set. */
const SECRET = process.env.EMULATOR_TOKEN_SECRET ?? "sagedeck-emulator-token-secret";

interface TokenBody {
  /** offset of the next item */
  o: number;
  /** fingerprint of the request's filters/sort: a token only continues the listing it came from */
  f: string;
}

function sign(body: string): string {
  return createHmac("sha256", SECRET).update(body).digest("base64url").slice(0, 22);
}

function fingerprint(query: unknown): string {
  return createHmac("sha256", SECRET).update(stableStringify(query)).digest("base64url").slice(0, 12);
}

export function encodeToken(offset: number, query: unknown): string {
  const body = Buffer.from(JSON.stringify({ o: offset, f: fingerprint(query) } satisfies TokenBody)).toString(
    "base64url",
  );
  return `${body}.${sign(body)}`;
}

const INVALID = "Invalid pagination token. Use the NextToken value returned by the previous call.";

/** Returns the offset a NextToken points at; tampered, foreign or malformed tokens → ValidationException. */
export function decodeToken(token: string | undefined, query: unknown): number {
  if (token === undefined || token === "") return 0;
  const [body, sig] = token.split(".");
  if (!body || !sig || sign(body) !== sig) throw validation(INVALID);
  let parsed: TokenBody;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenBody;
  } catch {
    throw validation(INVALID);
  }
  if (!Number.isInteger(parsed.o) || parsed.o < 0 || parsed.f !== fingerprint(query))
    throw validation(INVALID);
  return parsed.o;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of an already filtered and sorted list. `query` is everything that shaped the list
 * (filters, sort) — not NextToken/MaxResults — so a token cannot be replayed against another listing.
 */
export function paginate<T>(
  all: readonly T[],
  token: string | undefined,
  maxResults: number,
  query: unknown,
): Page<T> {
  const offset = decodeToken(token, query);
  const items = all.slice(offset, offset + maxResults);
  const next = offset + items.length;
  return next < all.length ? { items, nextToken: encodeToken(next, query) } : { items };
}

export type SortValue = string | number | undefined;

/** Sorts by a key with a stable tiebreaker; undefined keys go last in either order. */
export function sortRecords<T>(
  items: T[],
  key: (item: T) => SortValue,
  order: "Ascending" | "Descending",
  tiebreak: (item: T) => string,
): T[] {
  const dir = order === "Ascending" ? 1 : -1;
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === undefined) return 1;
      if (kb === undefined) return -1;
      if (ka < kb) return -dir;
      if (ka > kb) return dir;
    }
    const ta = tiebreak(a);
    const tb = tiebreak(b);
    return ta < tb ? -dir : ta > tb ? dir : 0;
  });
}

/** `after < t < before` as SageMaker applies CreatedAfter/CreatedBefore. */
export function inTimeRange(
  t: number | undefined,
  after: number | undefined,
  before: number | undefined,
): boolean {
  if (t === undefined) return after === undefined && before === undefined;
  if (after !== undefined && t <= after) return false;
  if (before !== undefined && t >= before) return false;
  return true;
}
