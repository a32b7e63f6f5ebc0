"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { maturityQueries, saveTargets } from "@/lib/query-options/maturity";
import type { TargetsView } from "@/lib/maturity-governance/views";
import { Button } from "@/components/ui/button";

/** Checked here (no zod in the browser); the server checks again and answers 422. */
const hours = (v: string): true | string => {
  const t = v.trim();
  return t === "" || (Number(t) > 0 && Number(t) <= 8760) || "Between 0 and 8760 hours, or empty.";
};
interface Values {
  solution: string;
  approvalSlaHours: string;
  leadTimeTargetHours: string;
}

const toNumber = (v: string) => (v.trim() === "" ? null : Number(v));
const field =
  "mt-1 block w-32 rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

function valuesFor(t: TargetsView, solution: string): Values {
  const row = solution ? t.solutions.find((r) => r.solutionKey === solution) : t.organisation;
  return {
    solution,
    approvalSlaHours: row?.approvalSlaHours?.toString() ?? "",
    leadTimeTargetHours: row?.leadTimeTargetHours?.toString() ?? "",
  };
}

function Form({ targets, solutions }: { targets: TargetsView; solutions: { key: string; name: string }[] }) {
  const client = useQueryClient();
  const form = useForm<Values>({ defaultValues: valuesFor(targets, "") });
  const save = useMutation({
    mutationFn: (v: Values) =>
      saveTargets({
        solution: v.solution || undefined,
        approvalSlaHours: toNumber(v.approvalSlaHours),
        leadTimeTargetHours: toNumber(v.leadTimeTargetHours),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: maturityQueries.all }),
  });
  const errors = form.formState.errors;
  const scope = form.register("solution", {
    onChange: (e: { target: { value: string } }) => {
      save.reset();
      form.reset(valuesFor(targets, e.target.value));
    },
  });
  return (
    <form
      onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)}
      className="flex flex-wrap items-end gap-4 text-sm"
      aria-label="Maturity targets"
      noValidate
    >
      <label className="block">
        For
        <select className={`${field} w-48`} {...scope}>
          <option value="">Organisation (default)</option>
          {solutions.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        Approval SLA (hours)
        <input
          type="number"
          min={0}
          step="any"
          className={field}
          {...form.register("approvalSlaHours", { validate: hours })}
        />
        {errors.approvalSlaHours ? (
          <span className="text-red-700">{errors.approvalSlaHours.message}</span>
        ) : null}
      </label>
      <label className="block">
        Lead-time target (hours)
        <input
          type="number"
          min={0}
          step="any"
          className={field}
          {...form.register("leadTimeTargetHours", { validate: hours })}
        />
        {errors.leadTimeTargetHours ? (
          <span className="text-red-700">{errors.leadTimeTargetHours.message}</span>
        ) : null}
      </label>
      <Button type="submit" variant="primary" pending={save.isPending}>
        {save.isPending ? "Saving…" : "Save targets"}
      </Button>
      {save.isSuccess ? <span role="status">Saved.</span> : null}
      {save.error ? (
        <p role="alert" className="w-full text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}

/**
 * Managers set the organisation's approval service level and lead-time target, or override them for one
 * solution (an empty field clears it; a solution then follows the organisation). Audited.
 */
export function TargetsForm() {
  const targets = useQuery(maturityQueries.targets());
  const overview = useQuery(maturityQueries.overview({}));
  if (targets.isPending) return <LoadingBlock rows={1} label="Loading targets" />;
  if (targets.error)
    return (
      <ErrorState message={`Targets could not be loaded: ${targets.error.message}`} retry={targets.refetch} />
    );
  const solutions = (overview.data?.solutions ?? []).map((s) => ({ key: s.key, name: s.name }));
  return <Form targets={targets.data} solutions={solutions} />;
}
