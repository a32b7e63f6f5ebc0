/**
 * `Search`'s sort: keys by property path, the order AWS returns (numbers, then strings, records without the
 * key last, ties by ARN), and sorted views of indexed candidates (one experiment's runs by one sort) kept
 * while the provider's index version for them is unchanged.
 */
import type { JsonObject } from "../../core/json";
import type { State } from "../../core/state";
import type { Getter } from "./expression";
import { accessor, type Scalar } from "./paths";

type Key = string | number | undefined;
export interface Hit {
  r: JsonObject;
  k: Key;
  t: string;
}

/** Sort keys: the first value at the path; LastModifiedTime falls back to CreationTime. */
function sortKeyOf(sortBy: string): (r: JsonObject) => Key {
  const get = accessor(sortBy);
  return (r) => {
    const v = get(r)[0];
    if (v === undefined && sortBy === "LastModifiedTime") {
      const c = r.CreationTime;
      return typeof c === "number" ? c : undefined;
    }
    return typeof v === "boolean" ? String(v) : v;
  };
}

/** Numbers, then strings, in the requested order; records without the key last; ties by ARN. */
function sortHits(hits: Hit[], order: "Ascending" | "Descending"): Hit[] {
  const dir = order === "Ascending" ? 1 : -1;
  const tie = (a: Hit, b: Hit) => (a.t < b.t ? -dir : a.t > b.t ? dir : 0);
  const nums: Hit[] = [];
  const strs: Hit[] = [];
  const none: Hit[] = [];
  for (const h of hits) (typeof h.k === "number" ? nums : typeof h.k === "string" ? strs : none).push(h);
  nums.sort((a, b) => ((a.k as number) - (b.k as number)) * dir || tie(a, b));
  strs.sort((a, b) => (a.k === b.k ? tie(a, b) : (a.k as string) < (b.k as string) ? -dir : dir));
  none.sort(tie);
  return [...nums, ...strs, ...none];
}

export interface SortSpec {
  sortBy: string;
  order: "Ascending" | "Descending";
  /** member holding the ARN that breaks ties */
  tieKey: string;
}

/** The records that pass `match`, sorted. */
export function sortRecords(
  records: Iterable<JsonObject>,
  match: (r: JsonObject) => boolean,
  s: SortSpec,
): Hit[] {
  const keyOf = sortKeyOf(s.sortBy);
  const hits: Hit[] = [];
  for (const r of records) {
    if (!match(r)) continue;
    const t = r[s.tieKey];
    hits.push({ r, k: keyOf(r), t: typeof t === "string" ? t : "" });
  }
  return sortHits(hits, s.order);
}

/**
 * Sorted views of indexed candidate sets, valid while their version is: filtering a sorted view keeps its
 * order, so a query with new filters over the same candidates and sort costs one pass, no sort. The sort is
 * stable and total (ties by ARN), so this is exactly the order of sorting the filtered records.
 */
const MAX_VIEWS = 16;
interface View {
  state: State;
  version: string;
  hits: Hit[];
  /** values at the property paths filters named, by position in `hits`: later filters read these */
  columns: Map<string, (readonly Scalar[] | undefined)[]>;
  /** position in `hits` of the record being matched */
  at: number;
}
const views = new Map<string, View>();

export interface SortedView {
  hits: Hit[];
  /** The hits that pass the predicate `compile` builds with the getter it is given (order kept). */
  select(compile: (get: Getter) => (r: JsonObject) => boolean): Hit[];
}

/**
 * Reads a path through the view's column for it (filled on first read): later queries over the view then
 * read, and allocate, nothing per record but the column slot.
 */
function columnGetter(view: View): Getter {
  return (path) => {
    const read = accessor(path);
    let column = view.columns.get(path);
    if (!column)
      view.columns.set(path, (column = new Array<readonly Scalar[] | undefined>(view.hits.length)));
    const col = column;
    return (r) => {
      const i = view.at;
      if (view.hits[i]?.r !== r) return read(r);
      let v = col[i];
      if (v === undefined) col[i] = v = read(r);
      return v;
    };
  };
}

export function sortedView(
  state: State,
  key: string,
  version: string,
  records: () => Iterable<JsonObject>,
  s: SortSpec,
): SortedView {
  const id = `${key}\u0000${s.sortBy}\u0000${s.order}`;
  let found = views.get(id);
  if (!found || found.state !== state || found.version !== version) {
    found = { state, version, hits: sortRecords(records(), () => true, s), columns: new Map(), at: 0 };
    views.delete(id);
    views.set(id, found);
    if (views.size > MAX_VIEWS) {
      const oldest = views.keys().next().value;
      if (oldest !== undefined) views.delete(oldest);
    }
  }
  const view = found;
  return {
    hits: view.hits,
    select(compile) {
      const match = compile(columnGetter(view));
      const out: Hit[] = [];
      const hits = view.hits;
      for (let i = 0; i < hits.length; i++) {
        view.at = i;
        const h = hits[i]!;
        if (match(h.r)) out.push(h);
      }
      return out;
    },
  };
}
