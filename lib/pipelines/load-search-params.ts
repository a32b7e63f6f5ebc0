import { createLoader } from "#nuqs-parsers";
import {
  executionListSearchParams,
  pipelineListSearchParams,
  toExecutionListQuery,
  toPipelineListQuery,
} from "./search-params";

/*
 * Server side: a Next.js searchParams object (repeated keys: the first value) → the list query. Apart from the
 * parsers (search-params.ts), which the client tables import too: nuqs' loader stays out of their first-load JS
 * (issue 18).
 */
type SearchParams = Record<string, string | string[] | undefined>;
const loadPipelineList = createLoader(pipelineListSearchParams);
const loadExecutionList = createLoader(executionListSearchParams);
export const loadPipelineListQuery = (sp: SearchParams) => toPipelineListQuery(loadPipelineList(sp));
export const loadExecutionListQuery = (sp: SearchParams) => toExecutionListQuery(loadExecutionList(sp));
