"use client";

import { relativeTime } from "@/lib/format/relative-time";

/** "3 days ago", with the exact UTC time on hover. */
export function TimeAgo({ at, className }: { at: number | undefined; className?: string }) {
  if (at === undefined) return <span className={className}>—</span>;
  const exact = new Date(at).toISOString().replace("T", " ").slice(0, 19) + " UTC";
  return (
    <time dateTime={new Date(at).toISOString()} title={exact} className={className} suppressHydrationWarning>
      {relativeTime(at)}
    </time>
  );
}
