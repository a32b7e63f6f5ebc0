import type { ReportState } from "@/lib/models/metric-types";

/** What reading each ModelMetrics report gave: read ones quietly, a missing/forbidden/broken one as a warning. */
export function ReportStates({ reports }: { reports: ReportState[] }) {
  if (reports.length === 0) return null;
  return (
    <ul data-testid="report-states" className="mt-2 space-y-0.5 text-xs break-all">
      {reports.map((r) => (
        <li
          key={`${r.section}:${r.uri}`}
          data-status={r.status}
          className={
            r.status === "read" && r.metricCount > 0 ? "text-slate-500" : "text-amber-800 dark:text-amber-300"
          }
        >
          {r.message}
        </li>
      ))}
    </ul>
  );
}
