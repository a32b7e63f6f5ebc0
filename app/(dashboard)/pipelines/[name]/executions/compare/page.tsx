import type { Metadata } from "next";
import { ExecutionCompare } from "@/components/pipelines/execution-compare";
import { PageHeader } from "@/components/ui/page-header";
import { routes } from "@/lib/routes";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ a?: string | string[]; b?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · compare executions` };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ComparePage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const q = await searchParams;
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        back={{ href: `${routes.pipelines}/${encodeURIComponent(name)}`, label: name }}
        title="Compare executions"
      />
      <ExecutionCompare pipeline={name} a={one(q.a)} b={one(q.b)} />
    </section>
  );
}
