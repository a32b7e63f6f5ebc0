import type { AccountStatus } from "@/lib/sagemaker/accounts/status";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";

function Reachability({ a }: { a: AccountStatus }) {
  if (a.reachable === null) return <Badge>not checked</Badge>;
  return a.reachable ? <Badge tone="green">reachable</Badge> : <Badge tone="red">unreachable</Badge>;
}

function ReachedBy({ a }: { a: AccountStatus }) {
  if (a.reachedBy.kind === "home") return <span>SageDeck&apos;s own credentials (home)</span>;
  return (
    <span className="space-y-1">
      <span className="block">
        assumes <code className="text-xs break-all">{a.reachedBy.roleArn}</code>
      </span>
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        external id: {a.reachedBy.externalIdSet ? "set" : "not set"}
      </span>
    </span>
  );
}

/** The configured AWS accounts as this instance sees them now (admins). */
export function AccountsTable({ accounts }: { accounts: AccountStatus[] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm" aria-label="AWS accounts">
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th className="px-3 py-2">Account</th>
            <th className="px-3 py-2">Region</th>
            <th className="px-3 py-2">Stages</th>
            <th className="px-3 py-2">Reached with</th>
            <th className="px-3 py-2">Now</th>
            <th className="px-3 py-2">SageDeck is</th>
            <th className="px-3 py-2">Last error</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr
              key={a.name}
              data-testid={`account-${a.name}`}
              className="border-t border-slate-200 align-top dark:border-slate-800"
            >
              <td className="px-3 py-2">
                <span className="font-medium">{a.name}</span>
                <span className="block font-mono text-xs">{a.accountId ?? "discovered at first call"}</span>
              </td>
              <td className="px-3 py-2">{a.region}</td>
              <td className="px-3 py-2">{a.stages.length ? a.stages.join(", ") : "—"}</td>
              <td className="px-3 py-2">
                <ReachedBy a={a} />
              </td>
              <td className="px-3 py-2">
                <Reachability a={a} />
                {a.checkedAt !== undefined ? (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    checked <Timestamp at={a.checkedAt} />
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                {a.identity ? <code className="text-xs break-all">{a.identity.arn}</code> : "—"}
              </td>
              <td className="px-3 py-2">
                {a.lastError ? (
                  <span data-testid="last-error">
                    <span className="block break-words">{a.lastError.message}</span>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {a.lastError.code} · <Timestamp at={a.lastError.at} />
                    </span>
                  </span>
                ) : (
                  "none"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
