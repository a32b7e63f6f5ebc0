import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/placeholder";

export const metadata: Metadata = { title: "Approvals" };

export default function Page() {
  return (
    <ComingSoon
      title="Approvals"
      issue={7}
      what="The approval inbox: model versions waiting for a decision, approve or reject with a reason, promote between stages."
    />
  );
}
