import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  Succeeded: "green",
  Failed: "red",
  Executing: "blue",
  Starting: "blue",
  Stopping: "amber",
  Stopped: "amber",
};

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="text-slate-500">—</span>;
  return <Badge tone={TONE[status] ?? "neutral"}>{status}</Badge>;
}

/** Fill/stroke colours for a step node in the graph. */
export const STEP_COLOURS: Record<string, { fill: string; stroke: string }> = {
  Succeeded: { fill: "#d1fae5", stroke: "#059669" },
  Failed: { fill: "#fee2e2", stroke: "#dc2626" },
  Executing: { fill: "#e0f2fe", stroke: "#0284c7" },
  Starting: { fill: "#e0f2fe", stroke: "#0284c7" },
  Stopping: { fill: "#fef3c7", stroke: "#d97706" },
  Stopped: { fill: "#fef3c7", stroke: "#d97706" },
  NotStarted: { fill: "#f8fafc", stroke: "#94a3b8" },
};
