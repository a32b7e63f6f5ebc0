import { Badge, type BadgeTone } from "@/components/ui/badge";

/* A run's status and values as the runs table, the run page and the comparison show them (apart from the
 * table's columns, so the comparison page does not load those: issue 18). */

const TONE: Record<string, BadgeTone> = {
  Completed: "green",
  Failed: "red",
  InProgress: "blue",
  Stopping: "amber",
  Stopped: "amber",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{status}</Badge>;
}

export function formatValue(v: string | number | undefined): string {
  if (v === undefined) return "—";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/0+$/, "");
  return v;
}
