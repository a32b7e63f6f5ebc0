/** URL ⇄ list query: the nuqs parsers shared by the server pages (prefetch) and the client tables. */
// #nuqs-parsers (package.json "imports"): nuqs/server in server components, nuqs in the browser, where
// nuqs/server put a second copy of nuqs' internals in the first-load JS (issue 18)
import { type inferParserType, parseAsInteger, parseAsString, parseAsStringLiteral } from "#nuqs-parsers";
import type { ExecutionListQuery, PipelineListQuery } from "./read-models";

export const SORTS = [
  ["lastRun", "Last run"],
  ["name", "Name"],
  ["lastModified", "Last modified"],
  ["created", "Created"],
] as const;

/** `/pipelines?q=&sort=&order=&page=`; no defaults, so a change writes exactly the keys it sets. */
export const pipelineListSearchParams = {
  q: parseAsString,
  sort: parseAsStringLiteral(SORTS.map(([k]) => k)),
  order: parseAsStringLiteral(["asc", "desc"] as const),
  page: parseAsInteger,
};

/** `/pipelines/<name>?status=&param=<name>=<value>&find=&before=&after=` (before/after: startedAt in ms). */
export const executionListSearchParams = {
  status: parseAsString,
  param: parseAsString,
  find: parseAsString,
  before: parseAsInteger,
  after: parseAsInteger,
};

export type PipelineListState = inferParserType<typeof pipelineListSearchParams>;
export type ExecutionListState = inferParserType<typeof executionListSearchParams>;

const str = (v: string | null) => v || undefined;
const num = (v: number | null) => v ?? undefined;

/** Parsed URL state → the list query (the same object on server and client, so they share a query key). */
export function toPipelineListQuery(s: PipelineListState): PipelineListQuery {
  return { q: str(s.q), sort: s.sort ?? undefined, order: s.order ?? undefined, page: num(s.page) };
}

export function toExecutionListQuery(s: ExecutionListState): ExecutionListQuery {
  return {
    status: str(s.status),
    param: str(s.param),
    find: str(s.find),
    before: num(s.before),
    after: num(s.after),
  };
}
