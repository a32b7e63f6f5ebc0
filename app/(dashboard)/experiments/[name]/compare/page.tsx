import type { Metadata } from "next";
import Link from "next/link";
import { CompareView } from "@/components/experiments/compare-view";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Compare runs · Experiments" };

export default async function ComparePage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <div>
        <Link
          href={`/experiments/${encodeURIComponent(name)}`}
          className="text-sm text-sky-700 hover:underline dark:text-sky-400"
        >
          ← {name}
        </Link>
        <h1 id="page-title" className="text-2xl font-semibold">
          Compare runs
        </h1>
      </div>
      <CompareView experiment={name} />
    </section>
  );
}
