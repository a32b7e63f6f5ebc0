"use client";

import { useQuery } from "@tanstack/react-query";
import {
  summarizeHealth,
  type HealthBody,
  type HealthState,
  type HealthSummary,
} from "@/lib/health-view/summary";
import type { DataSource } from "@/lib/sagemaker/health";

const SOURCE_STYLES: Record<DataSource["kind"], string> = {
  local: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300",
  aws: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-300",
  custom: "bg-violet-100 text-violet-800 dark:bg-violet-900/40 dark:text-violet-300",
};
const UNHEALTHY = "bg-red-100 text-red-800 ring-1 ring-red-300 dark:bg-red-900/40 dark:text-red-200";
const UNKNOWN = "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300";

const TITLES: Record<DataSource["kind"], string> = {
  local: "Data comes from the local SageMaker emulator (fictional demo data)",
  aws: "Data comes from Amazon SageMaker",
  custom: "Data comes from a custom SageMaker-compatible endpoint",
};

const MARK: Record<HealthState, string> = { ok: "", degraded: "⚠ ", unknown: "? " };

/** The badge itself: where data comes from and, when something is down, what (text and colour, not colour alone). */
export function DataSourceBadgeView({ source, health }: { source: DataSource; health: HealthSummary }) {
  const style =
    health.state === "degraded"
      ? UNHEALTHY
      : health.state === "unknown" && health.suffix
        ? UNKNOWN
        : SOURCE_STYLES[source.kind];
  return (
    <span
      data-testid="data-source"
      data-health={health.state}
      role="status"
      title={`${TITLES[source.kind]}\n${health.detail}`}
      className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${style}`}
    >
      {MARK[health.state]}
      {source.label}
      {health.suffix ? ` · ${health.suffix}` : ""}
    </span>
  );
}

async function fetchHealth(): Promise<HealthBody> {
  // 503 carries the same body as 200: read it either way
  const res = await fetch("/api/health", { headers: { Accept: "application/json" } });
  return (await res.json()) as HealthBody;
}

/** The shell's badge, following `GET /api/health` every 30 s (the probe behind it is cached for 10 s). */
export function DataSourceBadge({ source }: { source: DataSource }) {
  const health = useQuery({
    queryKey: ["health"],
    queryFn: fetchHealth,
    refetchInterval: 30_000,
    retry: false,
  });
  return <DataSourceBadgeView source={source} health={summarizeHealth(health.data, health.isError)} />;
}
