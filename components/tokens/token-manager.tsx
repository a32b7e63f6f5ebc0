"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CreatedToken } from "@/lib/auth/tokens/manage";
import type { TokenKind } from "@/lib/auth/tokens/secret";
import { createToken, revokeToken, tokenQueries, type NewTokenBody } from "@/lib/query-options/tokens";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { CreateTokenForm } from "./create-token-form";
import { NewToken } from "./new-token";
import { TokenList } from "./token-list";

/** List, create (the secret shown once) and revoke tokens of one kind. */
export function TokenManager({
  kind,
  permissions,
}: {
  kind: TokenKind;
  permissions?: { id: string; label: string }[];
}) {
  const client = useQueryClient();
  const list = useQuery(tokenQueries.list(kind));
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: tokenQueries.all });
  const create = useMutation({
    mutationFn: (body: NewTokenBody) => createToken(kind, body),
    onSuccess: async (c) => {
      setCreated(c);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeToken(kind, id),
    onSuccess: refresh,
  });
  return (
    <div className="space-y-4">
      {created ? (
        <NewToken name={created.item.name} token={created.token} onDone={() => setCreated(null)} />
      ) : null}
      {list.isPending ? (
        <LoadingBlock rows={2} label="Loading tokens" />
      ) : list.error ? (
        <ErrorState message={list.error.message} retry={() => void list.refetch()} />
      ) : (
        <TokenList
          tokens={list.data.tokens}
          showOwner={kind === "service"}
          revoking={revoke.isPending ? (revoke.variables ?? null) : null}
          onRevoke={(t) => {
            if (window.confirm(`Revoke “${t.name}”? Anything using it stops working at once.`))
              revoke.mutate(t.id);
          }}
        />
      )}
      {revoke.error ? (
        <p role="alert" className="text-sm text-red-700">
          {revoke.error.message}
        </p>
      ) : null}
      <CreateTokenForm
        kind={kind}
        {...(permissions ? { permissions } : {})}
        pending={create.isPending}
        error={create.error?.message ?? null}
        onCreate={(body) => create.mutate(body)}
      />
    </div>
  );
}
