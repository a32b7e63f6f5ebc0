"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useActionKey } from "@/lib/query-options/action-key";
import { approvalQueries, postDecision } from "@/lib/query-options/approvals";
import { modelQueries } from "@/lib/query-options/models";

/**
 * Posts one decision intent. The Idempotency-Key is made once per intent, so a double click or a retry
 * after a network error takes effect once; a new key is made after a success or a refusal.
 */
export function useDecision(url: string) {
  const qc = useQueryClient();
  const key = useActionKey();
  return useMutation({
    mutationFn: (body: unknown) => postDecision(url, body, key.get()),
    onSettled: async (_data, error) => {
      key.settle(error);
      await Promise.all([
        qc.invalidateQueries({ queryKey: approvalQueries.all }),
        qc.invalidateQueries({ queryKey: modelQueries.all }),
      ]);
    },
  });
}
