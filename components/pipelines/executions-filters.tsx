"use client";

import { useState } from "react";
import { EXECUTION_STATUSES } from "@/lib/sagemaker/pipelines/types";
import type { PipelineParameter } from "@/lib/pipelines/definition";
import type { ExecutionListState } from "@/lib/pipelines/search-params";
import { Button } from "@/components/ui/button";

const input = "mt-1 block rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

export function ExecutionsFilters({
  status,
  param,
  find,
  parameters,
  onChange,
}: {
  status: string | undefined;
  param: string | undefined;
  find: string | undefined;
  parameters: PipelineParameter[];
  /** filter changes; a filter change also resets the page (`before`/`after`) */
  onChange: (changes: Partial<ExecutionListState>) => void;
}) {
  const [findText, setFind] = useState(find ?? "");
  const [paramName, setParamName] = useState(param?.split("=")[0] ?? parameters[0]?.name ?? "");
  const [paramValue, setParamValue] = useState(param ? param.slice(param.indexOf("=") + 1) : "");
  const reset = { before: null, after: null };
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label>
        Status
        <select
          aria-label="Status"
          value={status ?? ""}
          onChange={(e) => onChange({ status: e.target.value || null, ...reset })}
          className={input}
        >
          <option value="">Any</option>
          {EXECUTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ param: paramValue.trim() ? `${paramName}=${paramValue.trim()}` : null, ...reset });
        }}
      >
        <label>
          Parameter
          <select
            aria-label="Parameter name"
            value={paramName}
            onChange={(e) => setParamName(e.target.value)}
            className={input}
          >
            {parameters.map((p) => (
              <option key={p.name}>{p.name}</option>
            ))}
          </select>
        </label>
        <label>
          equals
          <input
            aria-label="Parameter value"
            value={paramValue}
            onChange={(e) => setParamValue(e.target.value)}
            className={`${input} w-40`}
          />
        </label>
        <Button type="submit">Filter</Button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ find: findText.trim() || null, ...reset });
        }}
      >
        <label>
          Find execution
          <input
            type="search"
            value={findText}
            onChange={(e) => setFind(e.target.value)}
            placeholder="ARN, ID or display name"
            className={`${input} w-72`}
          />
        </label>
      </form>
      {status || param || find ? (
        <button
          type="button"
          className="underline"
          onClick={() => {
            setFind("");
            setParamValue("");
            onChange({ status: null, param: null, find: null, ...reset });
          }}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
