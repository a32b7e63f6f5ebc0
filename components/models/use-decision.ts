"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useActionKey } from "@/lib/query-options/action-key";
import { approvalQueries, postDecision } from "@/lib/query-options/approvals";
import { modelQueries } from "@/lib/query-options/models";
import type { DecisionView } from "@/lib/approvals/types";

/**
 * Posts one decision intent. The Idempotency-Key is made once per intent, so a double click or a retry
 * after a network error takes effect once; a new key is made after a success or a refusal.
 */
/**
 * `onDecided` runs when SageDeck answers, before the lists are refreshed: the inbox card that made the decision is
 * gone after the refresh, and a callback passed to `mutate` would then never run.
 */
export function useDecision(url: string, onDecided?: (d: DecisionView) => void) {
  const qc = useQueryClient();
  const key = useActionKey();
  return useMutation({
    mutationFn: (body: unknown) => postDecision(url, body, key.get()),
    onSuccess: (r) => onDecided?.(r.decision),
    onSettled: async (_data, error) => {
      key.settle(error);
      await Promise.all([
        qc.invalidateQueries({ queryKey: approvalQueries.all }),
        qc.invalidateQueries({ queryKey: modelQueries.all }),
      ]);
    },
  });
}
