import { LoadingBlock } from "@/components/ui/states";

export default function Loading() {
  return (
    <section className="space-y-6">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <LoadingBlock rows={8} label="Loading pipelines" />
    </section>
  );
}
