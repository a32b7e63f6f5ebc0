/** The endpoints list over every configured account (API route and server prefetch share it). */
import { isAppError, ValidationError } from "@/lib/errors";
import { findAccount, listAccounts } from "@/lib/sagemaker/accounts/context";
import { acrossAccounts } from "@/lib/sagemaker/accounts/fan-out";
import { listAccountEndpoints } from "@/lib/sagemaker/endpoints/inventory";
import type { MonitoringRecord } from "@/lib/sagemaker/monitoring/schedules";
import { accountScaling } from "@/lib/sagemaker/autoscaling/reads";
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

const settle = <T>(p: Promise<T>): Promise<T | Error> =>
  p.then(
    (v) => v,
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );
const failure = (what: string, err: Error): Omit<Failure, "account"> => ({
  code: isAppError(err) ? err.code : "unavailable",
  message: `${what} could not be read: ${err.message}`,
});

/**
 * One account's endpoints with their monitoring and autoscaling: the endpoints' Search carries their Model
 * Monitor schedules; scaling that cannot be read leaves the endpoints listed (that column unknown) and is
 * reported beside them.
 */
async function readAccount(): Promise<{ rows: EndpointRow[]; errors: Omit<Failure, "account">[] }> {
  const [records, scaling] = await Promise.all([listAccountEndpoints(), settle(accountScaling())]);
  const errors: Omit<Failure, "account">[] = [];
  if (scaling instanceof Error)
    errors.push(failure("Application Auto Scaling targets and policies", scaling));
  const schedules: MonitoringRecord[] = records.flatMap((r) => r.monitoring ?? []);
  const rows = toRows(records, schedules, scaling instanceof Error ? null : scaling);
  return { rows, errors };
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
    for (const e of r.value.errors) failures.push({ account: r.account, accountId: idOf(r.account), ...e });
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
