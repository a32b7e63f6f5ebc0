"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionKey } from "@/lib/query-options/action-key";
import { grantExemption, maturityQueries } from "@/lib/query-options/maturity";
import { Button } from "@/components/ui/button";

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The default expiry: 90 days from now. */
const inNinetyDays = () => day(Date.now() + 90 * DAY_MS);

/** Checked here (no zod in the browser); the server checks again and answers 422. */
const reasonProblem = (v: string): true | string => {
  const t = v.trim();
  if (t.length < 10) return "Say why, in at least 10 characters.";
  return t.length <= 500 || "Keep the reason under 500 characters.";
};
const expiryProblem = (d: string): true | string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return "Pick an expiry date.";
  if (d < day(Date.now())) return "The expiry must be today or later.";
  return d <= day(Date.now() + 364 * DAY_MS) || "An exemption lasts at most 365 days.";
};
interface Values {
  reason: string;
  expiresAt: string;
}

const field =
  "mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Grant an exemption from one check: a reason and an expiry (default 90 days). */
export function ExemptionForm({
  solutionKey,
  checkId,
  onDone,
}: {
  solutionKey: string;
  checkId: string;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const key = useActionKey();
  const [expiresAt] = useState(inNinetyDays);
  const form = useForm<Values>({ defaultValues: { reason: "", expiresAt } });
  const grant = useMutation({
    mutationFn: (v: Values) =>
      grantExemption(solutionKey, { checkId, reason: v.reason.trim(), expiresAt: v.expiresAt }, key.get()),
    onSettled: (_r, error) => key.settle(error),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: maturityQueries.all });
      onDone();
    },
  });
  const errors = form.formState.errors;
  const id = `exempt-${checkId}`;
  return (
    <form
      onSubmit={(e) => void form.handleSubmit((v) => grant.mutate(v))(e)}
      className="mt-2 space-y-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
      aria-label={`Grant an exemption from ${checkId}`}
      noValidate
    >
      <label htmlFor={`${id}-reason`} className="block">
        Reason
        <textarea
          id={`${id}-reason`}
          rows={2}
          className={field}
          {...form.register("reason", { validate: reasonProblem })}
        />
      </label>
      {errors.reason ? <p className="text-red-700">{errors.reason.message}</p> : null}
      <label htmlFor={`${id}-expiry`} className="block">
        Expires on (end of day, UTC)
        <input
          id={`${id}-expiry`}
          type="date"
          className={field}
          {...form.register("expiresAt", { validate: expiryProblem })}
        />
      </label>
      {errors.expiresAt ? <p className="text-red-700">{errors.expiresAt.message}</p> : null}
      {grant.error ? (
        <p role="alert" className="text-red-700">
          {grant.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={grant.isPending}>
          {grant.isPending ? "Granting…" : "Grant"}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
