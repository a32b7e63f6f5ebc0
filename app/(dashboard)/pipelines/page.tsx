import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/placeholder";

export const metadata: Metadata = { title: "Pipelines" };

export default function Page() {
  return (
    <ComingSoon
      title="Pipelines"
      issue={6}
      what="Pipeline runs with their live step graph; start, stop and retry runs."
    />
  );
}
