import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/placeholder";

export const metadata: Metadata = { title: "Experiments" };

export default function Page() {
  return (
    <ComingSoon
      title="Experiments"
      issue={5}
      what="Browse, search and compare experiments and their runs, with metrics and parameters side by side."
    />
  );
}
