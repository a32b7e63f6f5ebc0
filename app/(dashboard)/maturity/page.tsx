import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/placeholder";

export const metadata: Metadata = { title: "Maturity" };

export default function Page() {
  return (
    <ComingSoon
      title="Maturity"
      issue={8}
      what="Where each ML solution stands on the maturity ladder (Initial, Repeatable, Reliable, Scalable), why, and the next step."
    />
  );
}
