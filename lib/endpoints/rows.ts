/** Endpoints list, pure: the query, SDK-free row shapes, and filter → sort → page over every account's rows. */
import { z } from "zod";
import type { EndpointRecord } from "@/lib/sagemaker/endpoints/inventory";
import { ENDPOINT_SORTS, ENDPOINT_STAGE_FILTERS, ENDPOINT_STATUSES, type EndpointSort } from "./filters";
import type { MonitoringRecord } from "@/lib/sagemaker/monitoring/schedules";
import type { VariantScaling } from "@/lib/sagemaker/autoscaling/types";
import { scalingOf, type EndpointScaling } from "./scaling";

export const ENDPOINTS_PAGE_SIZE = 25;
export {
  ENDPOINT_SORTS,
  ENDPOINT_STAGE_FILTERS,
  ENDPOINT_STATUSES,
  type EndpointListQuery,
  type EndpointSort,
} from "./filters";

export const endpointListQuery = z.object({
  account: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, "Use a configured account's name, e.g. production.")
    .optional(),
  stage: z.enum(ENDPOINT_STAGE_FILTERS).optional(),
  status: z.enum(ENDPOINT_STATUSES).optional(),
  q: z.string().trim().max(256).optional(),
  sort: z.enum(ENDPOINT_SORTS).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
type ParsedQuery = z.output<typeof endpointListQuery>;

export interface EndpointMonitor {
  name: string;
  type?: string;
  status: string;
  lastRun?: { status: string; at: number };
}

export interface EndpointRow extends Omit<EndpointRecord, "tags" | "monitoring"> {
  /** the served model version, when its ARN names a versioned package */
  served?: { group: string; version: number };
  /** its Model Monitor schedules; null when the account's schedules could not be read */
  monitoring: EndpointMonitor[] | null;
  /** its first variant's size and autoscaling; `scaling.readable` false when Application Auto Scaling failed */
  scaling: EndpointScaling;
}

export interface AccountState {
  name: string;
  accountId?: string;
  /** false: the account did not answer (its error is among `failures`) */
  ok: boolean;
}

export interface EndpointListPage {
  items: EndpointRow[];
  total: number;
  page: number;
  pageSize: number;
  /** the accounts read for this page (all configured ones, or the one filtered on) */
  accounts: AccountState[];
  /** every configured account (names for the filter; more than one → account badges) */
  configuredAccounts: number;
  failures: { account: string; accountId?: string; code: string; message: string }[];
}

/** `…:model-package/<group>/<version>` → group and version; undefined for an unversioned package or none. */
export function servedVersion(arn: string | undefined): { group: string; version: number } | undefined {
  const m = /:model-package\/([^/]+)\/(\d+)$/.exec(arn ?? "");
  return m?.[1] && m[2] ? { group: m[1], version: Number(m[2]) } : undefined;
}

/**
 * One account's endpoints with their schedules and autoscaling (null: that source could not be read) → rows.
 */
export function toRows(
  records: EndpointRecord[],
  schedules: MonitoringRecord[] | null,
  scaling: Map<string, VariantScaling> | null = new Map(),
): EndpointRow[] {
  return records.map(({ tags: _tags, monitoring: _monitoring, ...e }) => ({
    ...e,
    scaling: scalingOf(e, scaling),
    served: servedVersion(e.servedArn),
    monitoring:
      schedules === null
        ? null
        : schedules
            .filter((s) => s.endpointName === e.name)
            .map((s) => ({ name: s.name, type: s.type, status: s.status, lastRun: s.lastRun })),
  }));
}

export function filterRows(rows: EndpointRow[], q: Pick<ParsedQuery, "account" | "stage" | "status" | "q">) {
  const needle = q.q?.toLowerCase();
  return rows.filter(
    (r) =>
      (!q.account || r.account === q.account) &&
      (!q.stage || (q.stage === "none" ? r.stage === undefined : r.stage === q.stage)) &&
      (!q.status || r.status === q.status) &&
      (!needle ||
        [r.name, r.configName, r.served?.group, r.account].some((s) => s?.toLowerCase().includes(needle))),
  );
}

const STAGE_RANK = { Staging: 1, Production: 2 } as const;

function sortValue(r: EndpointRow, sort: EndpointSort): string | number {
  switch (sort) {
    case "name":
      return r.name;
    case "account":
      return r.account;
    case "stage":
      return r.stage ? STAGE_RANK[r.stage] : 3;
    case "status":
      return r.status;
    case "lastModified":
      return r.lastModifiedAt ?? 0;
  }
}

/** Sorted by the column, then by name and account (stable across pages and accounts); a new array. */
export function sortRows(rows: EndpointRow[], sort: EndpointSort, order: "asc" | "desc"): EndpointRow[] {
  const cmp = (x: string | number, y: string | number) =>
    typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
  return [...rows].sort((a, b) => {
    const c = cmp(sortValue(a, sort), sortValue(b, sort));
    if (c !== 0) return order === "asc" ? c : -c;
    return a.name.localeCompare(b.name) || a.account.localeCompare(b.account);
  });
}

export function pageOf<T>(rows: T[], page: number, size = ENDPOINTS_PAGE_SIZE): T[] {
  return rows.slice((page - 1) * size, page * size);
}
