/** URL ⇄ list query: the nuqs parsers shared by the server pages (prefetch) and the client views. */
// #nuqs-parsers (package.json "imports"): nuqs/server in server components, nuqs in the browser, where
// nuqs/server put a second copy of nuqs' internals in the first-load JS (issue 18)
import {
  type inferParserType,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "#nuqs-parsers";
import { EXPERIMENT_SORTS } from "./experiment-sorts";
import type { ExperimentListQuery, RunListQuery } from "./list-input";
import { PAGE_SIZES } from "./page-sizes";

const dir = parseAsStringLiteral(["asc", "desc"] as const);
const size = parseAsNumberLiteral(PAGE_SIZES);

/** `/experiments?q=&sort=name|created|runs|activity&dir=&size=&after=<token>`; no defaults, so a change writes exactly what it sets. */
export const experimentListSearchParams = {
  q: parseAsString,
  sort: parseAsStringLiteral(EXPERIMENT_SORTS),
  dir,
  size,
  after: parseAsString,
};

/**
 * `/experiments/<name>?filter=&sort=<column id>&dir=&size=&after=<token>&p=<page label>&cols=<ids|none>&sel=<runs>`
 * (`sel`: the runs picked for compare, kept across pages and reloads; not part of the list query)
 */
export const runListSearchParams = {
  filter: parseAsString,
  sort: parseAsString,
  dir,
  size,
  after: parseAsString,
  p: parseAsInteger,
  cols: parseAsString,
  sel: parseAsString,
};

/** `/experiments/<name>/compare?runs=a,b,c&diff=1&metric=&x=<parameter>` */
export const compareSearchParams = {
  runs: parseAsString,
  diff: parseAsStringLiteral(["1"] as const),
  metric: parseAsString,
  x: parseAsString,
};

export type ExperimentListState = inferParserType<typeof experimentListSearchParams>;
export type RunListState = inferParserType<typeof runListSearchParams>;

const str = (v: string | null) => v || undefined;

/** Parsed URL state → the list query (the same object on server and client, so they share a query key). */
export function toExperimentListQuery(s: ExperimentListState): ExperimentListQuery {
  return {
    q: str(s.q),
    sort: s.sort ?? "created",
    dir: s.dir ?? "desc",
    size: s.size ?? 25,
    after: str(s.after),
  };
}

export function toRunListQuery(s: RunListState): RunListQuery {
  return {
    filter: str(s.filter),
    sort: str(s.sort) ?? "start",
    dir: s.dir ?? "desc",
    size: s.size ?? 50,
    after: str(s.after),
  };
}

/** The run names of a compare URL, in order, empty entries dropped. */
export const compareRuns = (runs: string | null): string[] => (runs ?? "").split(",").filter(Boolean);
