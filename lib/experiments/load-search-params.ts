import { createLoader } from "#nuqs-parsers";
import {
  experimentListSearchParams,
  runListSearchParams,
  toExperimentListQuery,
  toRunListQuery,
} from "./search-params";

/*
 * Server side: a Next.js searchParams object (repeated keys: the first value) → the list query. Apart from the
 * parsers (search-params.ts), which the client views import too: nuqs' loader stays out of their first-load JS
 * (issue 18).
 */
type SearchParams = Record<string, string | string[] | undefined>;
const loadExperimentList = createLoader(experimentListSearchParams);
const loadRunList = createLoader(runListSearchParams);
export const loadExperimentListQuery = (sp: SearchParams) => toExperimentListQuery(loadExperimentList(sp));
export const loadRunListQuery = (sp: SearchParams) => toRunListQuery(loadRunList(sp));
