/** The List* conventions shared by experiments, trials and trial components (reference §1.0). */
import type { JsonObject } from "../../core/json";
import { inTimeRange, paginate, sortRecords } from "../../core/paginate";
import { SORT_ORDER, Validator } from "../../core/validate";
import { LIST_SORT_BY } from "./model";

export interface ListArgs {
  v: Validator;
  after?: number;
  before?: number;
  sortBy: "Name" | "CreationTime";
  sortOrder: "Ascending" | "Descending";
  maxResults: number;
  nextToken?: string;
}

/** Reads CreatedAfter/Before, SortBy, SortOrder, MaxResults and NextToken; call `v.done()` after adding more. */
export function readListArgs(input: JsonObject): ListArgs {
  const v = new Validator(input);
  const after = v.timestamp("CreatedAfter");
  const before = v.timestamp("CreatedBefore");
  const sortBy = (v.string("SortBy", { enum: LIST_SORT_BY }) ?? "CreationTime") as ListArgs["sortBy"];
  const sortOrder = (v.string("SortOrder", { enum: SORT_ORDER }) ?? "Descending") as ListArgs["sortOrder"];
  const maxResults = v.maxResults(10);
  const nextToken = v.string("NextToken", { max: 8192 });
  return { v, after, before, sortBy, sortOrder, maxResults, nextToken };
}

/** Time-filters, sorts and pages records; `query` is everything else that shaped the list. */
export function listPage<T extends { CreationTime: number }>(
  all: Iterable<T>,
  args: ListArgs,
  name: (t: T) => string,
  query: JsonObject,
): { items: T[]; nextToken?: string } {
  const filtered: T[] = [];
  for (const t of all) if (inTimeRange(t.CreationTime, args.after, args.before)) filtered.push(t);
  sortRecords(filtered, args.sortBy === "Name" ? name : (t) => t.CreationTime, args.sortOrder, name);
  return paginate(filtered, args.nextToken, args.maxResults, {
    ...query,
    a: args.after,
    b: args.before,
    s: args.sortBy,
    o: args.sortOrder,
  });
}

/** Copies the listed members that are present. */
export function pick(record: JsonObject, members: readonly string[], rename: Record<string, string> = {}) {
  const out: JsonObject = {};
  for (const m of members) {
    const value = record[m];
    if (value !== undefined) out[rename[m] ?? m] = value;
  }
  return out;
}
