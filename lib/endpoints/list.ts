/** The endpoints list over every configured account (API route and server prefetch share it). */
import { isAppError, ValidationError } from "@/lib/errors";
import { findAccount, listAccounts } from "@/lib/sagemaker/accounts/context";
import { acrossAccounts } from "@/lib/sagemaker/accounts/fan-out";
import { listAccountEndpoints } from "@/lib/sagemaker/endpoints/inventory";
import { listMonitoring, type MonitoringRecord } from "@/lib/sagemaker/monitoring/schedules";
import {
  endpointListQuery,
  ENDPOINTS_PAGE_SIZE,
  filterRows,
  pageOf,
  sortRows,
  toRows,
  type EndpointListPage,
  type EndpointListQuery,
  type EndpointRow,
} from "./rows";

type Failure = EndpointListPage["failures"][number];

/** One account's endpoints with their monitoring; schedules that cannot be read leave the endpoints listed. */
async function readAccount(): Promise<{ rows: EndpointRow[]; monitoringError?: Omit<Failure, "account"> }> {
  const [records, schedules] = await Promise.all([
    listAccountEndpoints(),
    listMonitoring().then(
      (s): MonitoringRecord[] | Error => s,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    ),
  ]);
  if (!(schedules instanceof Error)) return { rows: toRows(records, schedules) };
  return {
    rows: toRows(records, null),
    monitoringError: {
      code: isAppError(schedules) ? schedules.code : "unavailable",
      message: `Model Monitor schedules could not be read: ${schedules.message}`,
    },
  };
}

/**
 * Endpoints of every configured account (or the one in `account`), read in parallel: filtered, sorted and paged
 * on the server. An account that fails is reported in `failures` and the other accounts' rows are still listed.
 */
export async function getEndpointList(input: EndpointListQuery): Promise<EndpointListPage> {
  const q = endpointListQuery.parse(input);
  const configured = listAccounts();
  const only = q.account ? findAccount(q.account) : undefined;
  if (q.account && !only)
    throw new ValidationError(
      `No account named "${q.account}" is configured; the accounts are ${configured.map((a) => a.name).join(", ")}.`,
    );
  const targets = only ? [only] : configured;
  const results = await acrossAccounts(() => readAccount(), targets);
  const idOf = (name: string) => configured.find((a) => a.name === name)?.accountId;
  const rows: EndpointRow[] = [];
  const failures: Failure[] = [];
  for (const r of results) {
    if (!r.ok) {
      failures.push({ account: r.account, accountId: idOf(r.account), ...r.error });
      continue;
    }
    rows.push(...r.value.rows);
    if (r.value.monitoringError)
      failures.push({ account: r.account, accountId: idOf(r.account), ...r.value.monitoringError });
  }
  const all = sortRows(filterRows(rows, q), q.sort, q.order);
  return {
    items: pageOf(all, q.page),
    total: all.length,
    page: q.page,
    pageSize: ENDPOINTS_PAGE_SIZE,
    accounts: results.map((r) => ({ name: r.account, accountId: idOf(r.account), ok: r.ok })),
    configuredAccounts: configured.length,
    failures,
  };
}
