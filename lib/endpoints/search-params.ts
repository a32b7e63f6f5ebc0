/** URL ⇄ endpoints list query: the nuqs parsers shared by the server page (prefetch) and the client table. */
import {
  createLoader,
  type inferParserType,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { ENDPOINT_SORTS, ENDPOINT_STAGE_FILTERS, ENDPOINT_STATUSES, type EndpointListQuery } from "./rows";

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

const load = createLoader(endpointListSearchParams);
/** Server side: a Next.js searchParams object → the list query. */
export const loadEndpointListQuery = (sp: Record<string, string | string[] | undefined>) =>
  toEndpointListQuery(load(sp));
