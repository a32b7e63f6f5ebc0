import type { DataSource } from "@/lib/sagemaker/health";

const STYLES: Record<DataSource["kind"], string> = {
  local: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300",
  aws: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-300",
  custom: "bg-violet-100 text-violet-800 dark:bg-violet-900/40 dark:text-violet-300",
};

const TITLES: Record<DataSource["kind"], string> = {
  local: "Data comes from the local SageMaker emulator (fictional demo data)",
  aws: "Data comes from Amazon SageMaker",
  custom: "Data comes from a custom SageMaker-compatible endpoint",
};

export function DataSourceBadge({ source }: { source: DataSource }) {
  return (
    <span
      data-testid="data-source"
      title={TITLES[source.kind]}
      className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STYLES[source.kind]}`}
    >
      {source.label}
    </span>
  );
}
