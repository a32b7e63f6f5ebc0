import type { Metadata } from "next";
import { CompareView } from "@/components/experiments/compare-view";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Compare runs · Experiments" };

export default async function ComparePage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        back={{ href: `/experiments/${encodeURIComponent(name)}`, label: name }}
        title="Compare runs"
      />
      <CompareView experiment={name} />
    </section>
  );
}
