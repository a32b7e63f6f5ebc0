"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The runs filter, e.g. `validation:auc > 0.85 and status = Completed and param.max_depth = 6`. */
export function FilterBar({ value, onApply }: { value: string; onApply: (v: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <form
      role="search"
      className="flex flex-1 gap-2"
      onSubmit={(ev) => {
        ev.preventDefault();
        onApply(text.trim());
      }}
    >
      <input
        aria-label="Filter runs"
        placeholder="validation:auc > 0.85 and status = Completed and param.max_depth = 6"
        value={text}
        onChange={(ev) => setText(ev.target.value)}
        className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <Button type="submit" variant="primary">
        Apply filter
      </Button>
      {value ? (
        <Button
          onClick={() => {
            setText("");
            onApply("");
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}
