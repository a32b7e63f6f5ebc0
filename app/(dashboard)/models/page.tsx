import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/placeholder";

export const metadata: Metadata = { title: "Models" };

export default function Page() {
  return (
    <ComingSoon
      title="Models"
      issue={7}
      what="The model registry: model package groups and their versions, with approval status and stage."
    />
  );
}
