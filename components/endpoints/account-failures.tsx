import type { EndpointListPage } from "@/lib/endpoints/rows";

/**
 * One banner line per account that did not answer (or answered only in part), above the table: the other
 * accounts' rows are still listed below it.
 */
export function AccountFailures({ failures }: { failures: EndpointListPage["failures"] }) {
  if (failures.length === 0) return null;
  return (
    <ul
      role="alert"
      aria-label="Accounts that could not be read"
      className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      {failures.map((f, i) => (
        <li key={`${f.account}-${i}`} data-testid="account-failure" data-account={f.account}>
          <span className="font-medium">
            {f.account}
            {f.accountId ? ` (${f.accountId})` : ""}:
          </span>{" "}
          {f.message}
        </li>
      ))}
    </ul>
  );
}
