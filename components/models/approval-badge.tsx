import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  Approved: "green",
  Rejected: "red",
  PendingManualApproval: "amber",
  applied: "green",
  failed: "red",
  deploying: "blue",
  pending: "amber",
};
const LABEL: Record<string, string> = { PendingManualApproval: "Pending approval" };

/** Approval status or decision state as a pill. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{LABEL[status] ?? status}</Badge>;
}
