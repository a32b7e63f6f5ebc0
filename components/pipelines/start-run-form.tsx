"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import type { PipelineParameter } from "@/lib/pipelines/definition";
import { withLockedDefaults, type LockedParameter } from "@/lib/pipelines/locked";
import {
  defaultValues,
  descriptionProblem,
  displayNameProblem,
  normaliseValue,
  parameterProblem,
  type StartRunValues,
} from "@/lib/pipelines/parameter-checks";
import { fetchJson } from "@/lib/query-options/fetcher";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { routes } from "@/lib/routes";
import { useActionKey } from "@/lib/query-options/action-key";
import { Button } from "@/components/ui/button";

const field =
  "mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-900";

/** `locked` comes from the server (approval-controlling parameters): shown read-only, never editable. */
export function StartRunForm({
  pipeline,
  parameters: definition,
  locked,
}: {
  pipeline: string;
  parameters: PipelineParameter[];
  locked: LockedParameter[];
}) {
  const router = useRouter();
  const client = useQueryClient();
  const key = useActionKey();
  const parameters = useMemo(() => withLockedDefaults(definition, locked), [definition, locked]);
  const lockOf = (name: string) => locked.find((l) => l.name === name);
  const defaults = useMemo(() => defaultValues(parameters), [parameters]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const start = useMutation({
    mutationFn: (values: StartRunValues) => {
      const changed: Record<string, string> = {};
      for (const p of parameters) {
        const v = normaliseValue(p, values.parameters[p.name] ?? "");
        if (!lockOf(p.name) && p.defaultValue !== v) changed[p.name] = v;
      }
      return fetchJson<{ executionId: string }>(`/api/pipelines/${encodeURIComponent(pipeline)}/executions`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": key.get() },
        body: JSON.stringify({
          parameters: changed,
          displayName: values.displayName?.trim() || undefined,
          description: values.description || undefined,
        }),
      });
    },
    onSettled: (_r, error) => key.settle(error),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: pipelineQueries.all });
      router.push(`${routes.pipelines}/${encodeURIComponent(pipeline)}/executions/${r.executionId}`);
    },
  });
  // checked here with the server's own rules (no form or schema library in the browser); the server checks
  // again and answers 422, shown below the form
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v : "";
    };
    const values: StartRunValues = {
      parameters: Object.fromEntries(parameters.map((p) => [p.name, text(`parameters.${p.name}`)])),
      displayName: text("displayName"),
      description: text("description"),
    };
    const found: Record<string, string> = {};
    for (const p of parameters) {
      const problem = lockOf(p.name) ? null : parameterProblem(p, values.parameters[p.name] ?? "");
      if (problem) found[`parameters.${p.name}`] = problem;
    }
    const name = displayNameProblem(values.displayName ?? "");
    if (name) found.displayName = name;
    const description = descriptionProblem(values.description ?? "");
    if (description) found.description = description;
    setErrors(found);
    if (Object.keys(found).length === 0) start.mutate(values);
  };
  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-4" noValidate>
      <fieldset className="space-y-3">
        <legend className="font-medium">Parameters</legend>
        {parameters.length === 0 ? (
          <p className="text-sm text-slate-600">This pipeline has no parameters.</p>
        ) : null}
        {parameters.map((p) => {
          const err = errors[`parameters.${p.name}`];
          const id = `param-${p.name}`;
          const lock = lockOf(p.name);
          if (lock) return <LockedField key={p.name} id={id} type={p.type} lock={lock} />;
          const input = { name: `parameters.${p.name}`, defaultValue: defaults[p.name] };
          return (
            <div key={p.name}>
              <label htmlFor={id} className="text-sm">
                <span className="font-mono">{p.name}</span>{" "}
                <span className="text-xs text-slate-500">
                  {p.type}
                  {p.defaultValue !== undefined ? `, default ${p.defaultValue}` : ", required"}
                </span>
              </label>
              {p.enumValues?.length ? (
                <select id={id} className={field} {...input}>
                  {p.enumValues.map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              ) : p.type === "Boolean" ? (
                <select id={id} className={field} {...input}>
                  <option>true</option>
                  <option>false</option>
                </select>
              ) : (
                <input
                  id={id}
                  className={field}
                  inputMode={p.type === "String" ? "text" : "decimal"}
                  aria-invalid={err ? true : undefined}
                  {...input}
                />
              )}
              {err ? <p className="mt-1 text-sm text-red-700 dark:text-red-400">{err}</p> : null}
            </div>
          );
        })}
      </fieldset>
      <div>
        <label htmlFor="displayName" className="text-sm">
          Display name (optional)
        </label>
        <input id="displayName" className={field} name="displayName" />
        {errors.displayName ? <p className="mt-1 text-sm text-red-700">{errors.displayName}</p> : null}
      </div>
      <div>
        <label htmlFor="description" className="text-sm">
          Description (optional)
        </label>
        <textarea id="description" rows={2} className={field} name="description" />
        {errors.description ? <p className="mt-1 text-sm text-red-700">{errors.description}</p> : null}
      </div>
      {start.isError ? (
        <p
          role="status"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
        >
          {start.error.message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="lg" pending={start.isPending} disabled={start.isSuccess}>
        {start.isPending || start.isSuccess ? "Starting…" : "Start run"}
      </Button>
    </form>
  );
}

/** A parameter SageDeck starts with one fixed value; the reason says where approval happens instead. */
function LockedField({ id, type, lock }: { id: string; type: string; lock: LockedParameter }) {
  return (
    <div data-testid={`locked-${lock.name}`}>
      <label htmlFor={id} className="text-sm">
        <span className="font-mono">{lock.name}</span>{" "}
        <span className="text-xs text-slate-500">{type}, locked</span>
      </label>
      <input
        id={id}
        className={`${field} bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300`}
        value={lock.value}
        readOnly
        aria-readonly="true"
        aria-describedby={`${id}-why`}
      />
      <p id={`${id}-why`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {lock.reason}
      </p>
    </div>
  );
}
