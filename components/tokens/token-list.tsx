"use client";

import { useState } from "react";
import type { TokenItem } from "@/lib/auth/tokens/manage";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { Timestamp } from "@/components/ui/timestamp";

const th = "px-2 py-1 text-left font-medium";
const td = "px-2 py-1 align-top";

/** Live tokens: name, start of the token, scope, created, expiry, last use, and a revoke button. */
export function TokenList({
  tokens,
  showOwner,
  revoking,
  onRevoke,
}: {
  tokens: TokenItem[];
  showOwner: boolean;
  revoking: string | null;
  onRevoke: (t: TokenItem) => void;
}) {
  const [now] = useState(() => Date.now());
  if (tokens.length === 0) return <EmptyState title="No tokens yet">Create one below.</EmptyState>;
  return (
    <table className="w-full text-sm" aria-label="Tokens">
      <thead className="border-b border-slate-200 dark:border-slate-800">
        <tr>
          <th className={th}>Name</th>
          <th className={th}>Token</th>
          {showOwner ? <th className={th}>Owner</th> : null}
          {showOwner ? <th className={th}>Scope</th> : null}
          <th className={th}>Created</th>
          <th className={th}>Expires</th>
          <th className={th}>Last used</th>
          <th className={th}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => {
          const expired = t.expiresAt !== null && t.expiresAt <= now;
          return (
            <tr
              key={t.id}
              data-testid={`token-${t.name}`}
              className="border-b border-slate-100 dark:border-slate-900"
            >
              <td className={td}>{t.name}</td>
              <td className={`${td} font-mono text-xs`}>{t.hint}…</td>
              {showOwner ? <td className={td}>{t.owner}</td> : null}
              {showOwner ? (
                <td className={`${td} font-mono text-xs`}>{(t.scopes ?? []).join(", ")}</td>
              ) : null}
              <td className={td}>
                <Timestamp at={t.createdAt} />
              </td>
              <td className={td}>
                {t.expiresAt === null ? "never" : <Timestamp at={t.expiresAt} />}
                {expired ? <span className="ml-1 text-red-700">(expired)</span> : null}
              </td>
              <td className={td}>{t.lastUsedAt === null ? "never" : <TimeAgo at={t.lastUsedAt} />}</td>
              <td className={td}>
                <Button
                  size="sm"
                  variant="danger"
                  pending={revoking === t.id}
                  onClick={() => onRevoke(t)}
                  aria-label={`Revoke ${t.name}`}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
