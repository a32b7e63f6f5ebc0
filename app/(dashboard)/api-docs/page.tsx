import type { Metadata } from "next";
import Link from "next/link";
import { OperationCard } from "@/components/api-docs/operation-card";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api/openapi";
import type { Operation } from "@/lib/api/openapi/document";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "API reference" };

interface Entry {
  method: string;
  path: string;
  op: Operation;
}

/** The API reference: every operation of the OpenAPI document (/api/openapi.json), grouped by tag. */
export default function ApiDocsPage() {
  const doc = openApiDocument();
  const byTag = new Map<string, Entry[]>(doc.tags.map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const tag of op.tags) byTag.get(tag)?.push({ method: method.toUpperCase(), path, op });
    }
  }
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        title="API reference"
        subtitle={
          <>
            Every operation of SageDeck&apos;s API, generated from the schemas the server validates with. The
            machine-readable OpenAPI 3.1 document is at{" "}
            <a href="/api/openapi.json" className="text-sky-700 hover:underline dark:text-sky-400">
              /api/openapi.json
            </a>
            . Scripts send an{" "}
            <Link href={routes.accountTokens} className="text-sky-700 hover:underline dark:text-sky-400">
              API token
            </Link>{" "}
            as <code>Authorization: Bearer &lt;token&gt;</code>; errors are{" "}
            <code>{`{ "error": { "code", "message" } }`}</code>.
          </>
        }
      />
      <nav aria-label="API sections" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {[...byTag.keys()].map((tag) => (
          <a key={tag} href={`#tag-${tag}`} className="text-sky-700 hover:underline dark:text-sky-400">
            {tag}
          </a>
        ))}
      </nav>
      {[...byTag].map(([tag, entries]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-2">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {entries.map((entry) => (
            <OperationCard key={entry.op.operationId} {...entry} />
          ))}
        </section>
      ))}
    </section>
  );
}
