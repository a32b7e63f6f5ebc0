import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/placeholder";

export const metadata: Metadata = { title: "Audit" };

export default function Page() {
  return (
    <ComingSoon
      title="Audit"
      issue={7}
      what="Who decided what, when and why: every change made through SageDeck."
    />
  );
}
