/** URL ⇄ list query: the nuqs parsers shared by the server pages (prefetch) and the client views. */
import {
  createLoader,
  type inferParserType,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { type ExperimentListQuery, PAGE_SIZES, type RunListQuery } from "./list-input";

const dir = parseAsStringLiteral(["asc", "desc"] as const);
const size = parseAsNumberLiteral(PAGE_SIZES);

/** `/experiments?q=&sort=name|created&dir=&size=&after=<token>`; no defaults, so a change writes exactly what it sets. */
export const experimentListSearchParams = {
  q: parseAsString,
  sort: parseAsStringLiteral(["name", "created"] as const),
  dir,
  size,
  after: parseAsString,
};

/** `/experiments/<name>?filter=&sort=<column id>&dir=&size=&after=<token>&p=<page label>&cols=<ids|none>` */
export const runListSearchParams = {
  filter: parseAsString,
  sort: parseAsString,
  dir,
  size,
  after: parseAsString,
  p: parseAsInteger,
  cols: parseAsString,
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

/** Server side: a Next.js searchParams object (repeated keys: the first value) → the list query. */
type SearchParams = Record<string, string | string[] | undefined>;
const loadExperimentList = createLoader(experimentListSearchParams);
const loadRunList = createLoader(runListSearchParams);
export const loadExperimentListQuery = (sp: SearchParams) => toExperimentListQuery(loadExperimentList(sp));
export const loadRunListQuery = (sp: SearchParams) => toRunListQuery(loadRunList(sp));
