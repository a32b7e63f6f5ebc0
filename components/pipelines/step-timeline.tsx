"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { StepInfo } from "@/lib/sagemaker/pipelines/types";
import { STEP_COLOURS } from "./status-badge";

const ROW = 28;

/** A Gantt view for large executions: one virtualized row per step, bars on a shared time axis. */
export function StepTimeline({
  steps,
  onSelect,
  now,
}: {
  steps: StepInfo[];
  onSelect: (name: string) => void;
  now: number;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const sorted = [...steps].sort((a, b) => (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity));
  const start = Math.min(...sorted.map((s) => s.startedAt ?? Infinity));
  const end = Math.max(...sorted.map((s) => s.endedAt ?? (s.startedAt !== undefined ? now : 0)), start + 1);
  const span = end - start;
  // the virtualizer is read only during this render, never passed to memoized children
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
  });
  return (
    <div
      ref={parent}
      className="h-[480px] overflow-auto rounded border border-slate-200 dark:border-slate-800"
      data-testid="step-timeline"
    >
      <div style={{ height: rows.getTotalSize(), position: "relative" }}>
        {rows.getVirtualItems().map((r) => {
          const s = sorted[r.index];
          if (!s) return null;
          const left = s.startedAt === undefined ? 0 : ((s.startedAt - start) / span) * 100;
          const right = ((s.endedAt ?? now) - start) / span;
          const width = s.startedAt === undefined ? 0 : Math.max(0.3, right * 100 - left);
          const c = STEP_COLOURS[s.status] ?? STEP_COLOURS.NotStarted;
          return (
            <button
              type="button"
              key={s.name}
              onClick={() => onSelect(s.name)}
              className="absolute flex w-full items-center text-left text-xs"
              style={{ top: r.start, height: ROW }}
            >
              <span className="w-48 shrink-0 truncate px-2 font-mono">{s.name}</span>
              <span className="relative h-4 flex-1">
                <span
                  className="absolute h-4 rounded"
                  style={{
                    left: `${left}%`,
                    width: `${width}%`,
                    background: c?.fill,
                    border: `1px solid ${c?.stroke}`,
                  }}
                  title={`${s.name}: ${s.status}`}
                />
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
