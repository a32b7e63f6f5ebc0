"use client";

import { localDateTime, relativeTime } from "@/lib/format/relative-time";

/** The absolute time ("2026-11-22 07:14:05"), with the relative time ("3 min ago") on hover. */
export function Timestamp({ at, className }: { at: number | undefined; className?: string }) {
  if (at === undefined) return <span className={className}>—</span>;
  return (
    <time
      dateTime={new Date(at).toISOString()}
      title={relativeTime(at)}
      className={className}
      suppressHydrationWarning
    >
      {localDateTime(at)}
    </time>
  );
}

/** "1 h 4 min", "3 min 20 s", "12 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
