/** URL ⇄ endpoints list query: the nuqs parsers shared by the server page (prefetch) and the client table. */
// #nuqs-parsers (package.json "imports"): nuqs/server in server components, nuqs in the browser, where
// nuqs/server put a second copy of nuqs' internals in the first-load JS (issue 18)
import { type inferParserType, parseAsInteger, parseAsString, parseAsStringLiteral } from "#nuqs-parsers";
import { ENDPOINT_SORTS, ENDPOINT_STAGE_FILTERS, ENDPOINT_STATUSES, type EndpointListQuery } from "./filters";

/** `/endpoints?account=&stage=&status=&q=&sort=&order=&page=`; no defaults: a change writes only its keys. */
export const endpointListSearchParams = {
  account: parseAsString,
  stage: parseAsStringLiteral(ENDPOINT_STAGE_FILTERS),
  status: parseAsStringLiteral(ENDPOINT_STATUSES),
  q: parseAsString,
  sort: parseAsStringLiteral(ENDPOINT_SORTS),
  order: parseAsStringLiteral(["asc", "desc"] as const),
  page: parseAsInteger,
};

export type EndpointListState = inferParserType<typeof endpointListSearchParams>;

/** Parsed URL state → the list query (the same object on server and client, so they share a query key). */
export function toEndpointListQuery(s: EndpointListState): EndpointListQuery {
  return {
    account: s.account || undefined,
    stage: s.stage ?? undefined,
    status: s.status ?? undefined,
    q: s.q || undefined,
    sort: s.sort ?? undefined,
    order: s.order ?? undefined,
    page: s.page ?? undefined,
  };
}
