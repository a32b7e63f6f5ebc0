"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useActionKey } from "@/lib/query-options/action-key";
import { fetchJson } from "@/lib/query-options/fetcher";
import { maturityQueries } from "@/lib/query-options/maturity";
import { modelQueries } from "@/lib/query-options/models";

/**
 * Shown on a model group's page when its resource policy does not grant a stage's account: promotions into that
 * account are refused until it does. Admins get "Grant access" (merged into the group's policy, audited).
 */
export function GroupSharing({ group }: { group: string }) {
  const qc = useQueryClient();
  const q = useQuery(modelQueries.sharing(group));
  const me = useQuery(maturityQueries.me());
  const key = useActionKey();
  const grant = useMutation({
    mutationFn: () =>
      fetchJson(`/api/models/${encodeURIComponent(group)}/sharing`, {
        method: "POST",
        headers: { "Idempotency-Key": key.get() },
        body: JSON.stringify({}),
      }),
    onSettled: async (_d, error) => {
      key.settle(error);
      await qc.invalidateQueries({ queryKey: modelQueries.sharing(group).queryKey });
    },
  });
  const missing = q.data?.accounts.filter((a) => !a.shared) ?? [];
  if (missing.length === 0) return null;
  const canGrant = me.data?.permissions.includes("models.share") === true;
  return (
    <div
      role="status"
      className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <p>
        This group&apos;s resource policy does not share its versions with{" "}
        {missing.map((a) => `${a.account} (${a.accountId}, ${a.stages.join(" and ")})`).join(", ")}:
        promotions into {missing.length === 1 ? "that account" : "those accounts"} are refused until an admin
        grants access.
      </p>
      {canGrant ? (
        <div className="mt-2 flex items-center gap-3">
          <Button variant="primary" pending={grant.isPending} onClick={() => grant.mutate()}>
            Grant access
          </Button>
          {grant.error ? <span className="text-red-700 dark:text-red-400">{grant.error.message}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
