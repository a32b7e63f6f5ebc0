/** The Endpoints list's filter and sort values, zod-free: the browser's filters import these, the server's query schema (rows.ts) too. */
import { ENDPOINT_STATUSES } from "@/lib/sagemaker/endpoints/statuses";

export const ENDPOINT_SORTS = ["name", "account", "stage", "status", "lastModified"] as const;
export type EndpointSort = (typeof ENDPOINT_SORTS)[number];
/** `none`: endpoints without a deployment-stage tag */
export const ENDPOINT_STAGE_FILTERS = ["Staging", "Production", "none"] as const;
export { ENDPOINT_STATUSES };

/** The list query as the URL and the fetcher carry it (every key optional; the server fills in the defaults). */
export interface EndpointListQuery {
  account?: string;
  stage?: (typeof ENDPOINT_STAGE_FILTERS)[number];
  status?: (typeof ENDPOINT_STATUSES)[number];
  q?: string;
  sort?: EndpointSort;
  order?: "asc" | "desc";
  page?: number;
}
