"use client";

import type { AuditParams } from "@/lib/query-options/audit";
import { AUDIT_OUTCOMES, isAuditOutcome, outcomeLabel } from "@/lib/audit/outcome";
import { Button } from "@/components/ui/button";

const FIELDS = [
  { name: "actor", label: "Person", type: "text" },
  { name: "action", label: "Action", type: "text" },
  { name: "group", label: "Model group", type: "text" },
  { name: "from", label: "From", type: "date" },
  { name: "to", label: "To", type: "date" },
] as const;

const input = "rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

/** The filter form; submitting writes the filters to the URL (page back to 1). */
export function AuditFilters({ value, onApply }: { value: AuditParams; onApply: (p: AuditParams) => void }) {
  return (
    <form
      className="flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const get = (k: string) => {
          const v = f.get(k);
          return typeof v === "string" && v.trim() ? v.trim() : undefined;
        };
        const outcome = get("outcome");
        onApply({
          actor: get("actor"),
          action: get("action"),
          group: get("group"),
          from: get("from"),
          to: get("to"),
          outcome: isAuditOutcome(outcome) ? outcome : undefined,
          page: 1,
        });
      }}
    >
      {FIELDS.map((fl) => (
        <label key={fl.name} className="flex flex-col">
          {fl.label}
          <input name={fl.name} type={fl.type} defaultValue={value[fl.name] ?? ""} className={input} />
        </label>
      ))}
      <label className="flex flex-col">
        Outcome
        <select name="outcome" defaultValue={value.outcome ?? ""} className={input}>
          <option value="">any</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {outcomeLabel(o)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit">Apply</Button>
    </form>
  );
}
