import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CheckStatus, Phase } from "@/lib/maturity/types";

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: "Pass",
  partial: "Partial",
  fail: "Fail",
  na: "Not applicable",
  unknown: "Unknown",
};

export const STATUS_TONE: Record<CheckStatus, BadgeTone> = {
  pass: "green",
  partial: "amber",
  fail: "red",
  na: "neutral",
  unknown: "blue",
};

/** Heat-map cell colours (unknown is never shown as a failure). */
export const STATUS_CELL: Record<CheckStatus, string> = {
  pass: "bg-emerald-500",
  partial: "bg-amber-400",
  fail: "bg-red-500",
  na: "bg-slate-200 dark:bg-slate-700",
  unknown: "bg-sky-200 dark:bg-sky-800",
};

export function StatusBadge({ status }: { status: CheckStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}

export function PhaseBadge({ phase, provisional }: { phase: Phase | null; provisional?: boolean }) {
  return (
    <Badge tone={phase ? "blue" : "neutral"}>
      {phase ?? "Not yet Initial"}
      {provisional ? " (provisional)" : ""}
    </Badge>
  );
}
