import { createLoader } from "#nuqs-parsers";
import { endpointListSearchParams, toEndpointListQuery } from "./search-params";

/*
 * Server side: a Next.js searchParams object → the list query. Apart from the parsers (search-params.ts), which
 * the client table imports too: nuqs' loader stays out of its first-load JS (issue 18).
 */
const load = createLoader(endpointListSearchParams);
export const loadEndpointListQuery = (sp: Record<string, string | string[] | undefined>) =>
  toEndpointListQuery(load(sp));
