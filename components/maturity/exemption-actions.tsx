"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { lazyComponent } from "@/components/ui/lazy";
import { useState } from "react";
import { Timestamp } from "@/components/ui/timestamp";
import type { CheckResult } from "@/lib/maturity/types";
import { maturityQueries, revokeExemption } from "@/lib/query-options/maturity";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Loaded when someone opens it (with its form library), not with the page. */
const ExemptionForm = lazyComponent(() => import("./exemption-form").then((m) => m.ExemptionForm));

/** The report carries the exemption's id next to the engine's fields (ExemptionInfo). */
function exemptionId(ex: NonNullable<CheckResult["exemption"]>): string | undefined {
  return "id" in ex && typeof ex.id === "string" ? ex.id : undefined;
}

/** On a check: "Exempt until … — reason — granted by …" with Revoke, or "Grant exemption" when it does not pass. */
export function ExemptionActions({
  solutionKey,
  check,
  canManage,
}: {
  solutionKey: string;
  check: CheckResult;
  canManage: boolean;
}) {
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => revokeExemption(solutionKey, id),
    onSuccess: () => client.invalidateQueries({ queryKey: maturityQueries.all }),
  });
  const ex = check.exemption;
  if (ex) {
    const id = exemptionId(ex);
    return (
      <div className="mt-2 text-sm" data-testid={`exemption-${check.id}`}>
        <p className="rounded bg-violet-50 px-2 py-1 text-violet-900 dark:bg-violet-950 dark:text-violet-200">
          Exempt until <Timestamp at={ex.expiresAt} /> — {ex.reason} — granted by {ex.grantedBy}
        </p>
        {canManage && id ? (
          <ConfirmButton
            size="sm"
            className="mt-1"
            pending={revoke.isPending}
            question={`Revoke the exemption from ${check.id}? The check counts again at once.`}
            confirmLabel="Confirm revoke"
            onConfirm={() => revoke.mutate(id)}
          >
            {revoke.isPending ? "Revoking…" : "Revoke"}
          </ConfirmButton>
        ) : null}
        {revoke.error ? (
          <p role="alert" className="text-red-700">
            {revoke.error.message}
          </p>
        ) : null}
      </div>
    );
  }
  if (!canManage || check.status === "pass" || check.status === "na") return null;
  return open ? (
    <ExemptionForm solutionKey={solutionKey} checkId={check.id} onDone={() => setOpen(false)} />
  ) : (
    <Button size="sm" className="mt-2" onClick={() => setOpen(true)}>
      Grant exemption
    </Button>
  );
}
