"use client";

import { useEffect, useRef } from "react";
import type { LogLine } from "@/lib/sagemaker/logs/reads";

/** The line to highlight in a failed step's log: the last naming its failure reason, else the last error-looking one. */
export function errorLineIndex(lines: LogLine[], failureReason: string | undefined): number {
  const reason = failureReason?.trim();
  if (reason) {
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.message.includes(reason)) return i;
  }
  for (let i = lines.length - 1; i >= 0; i--)
    if (/^\w+(\.\w+)*(Error|Exception): /.test(lines[i]?.message ?? "")) return i;
  return -1;
}

const time = (t: number) => new Date(t).toISOString().slice(11, 23);

/** The lines, oldest at the top and newest at the bottom; stays scrolled to the bottom while following. */
export function LogLines({
  lines,
  wrap,
  highlight,
  stickToBottom,
}: {
  lines: LogLine[];
  wrap: boolean;
  highlight: number;
  stickToBottom: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const marked = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlight >= 0 && marked.current) marked.current.scrollIntoView({ block: "nearest" });
    else if (stickToBottom && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines.length, highlight, stickToBottom]);
  return (
    <div
      ref={box}
      className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-950 p-2 font-mono text-xs text-slate-100 dark:border-slate-800"
      data-testid="log-lines"
    >
      {lines.map((l, i) => (
        <div
          key={`${l.t}-${i}`}
          ref={i === highlight ? marked : undefined}
          className={`flex gap-3 ${i === highlight ? "bg-red-900/70 text-red-100" : ""}`}
          data-testid={i === highlight ? "log-error-line" : "log-line"}
        >
          <span className="shrink-0 text-slate-500 select-none">{time(l.t)}</span>
          <span className={wrap ? "break-all whitespace-pre-wrap" : "whitespace-pre"}>{l.message}</span>
        </div>
      ))}
    </div>
  );
}
