import type { Operation } from "@/lib/api/openapi/document";
import type { JsonSchema } from "@/lib/api/openapi/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { FieldsTable, type FieldRow } from "./fields-table";

const METHOD_TONES: Record<string, BadgeTone> = {
  GET: "blue",
  POST: "green",
  PUT: "amber",
  PATCH: "amber",
  DELETE: "red",
};

function bodyRows(schema: JsonSchema | undefined): FieldRow[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, inner]) => ({
    name,
    where: "body",
    required: required.has(name),
    schema: typeof inner === "boolean" ? {} : inner,
  }));
}

/** One operation of the API reference: method and path, what it does, who may call it, its input. */
export function OperationCard({ method, path, op }: { method: string; path: string; op: Operation }) {
  const params: FieldRow[] = op.parameters.map((p) => ({
    name: p.name,
    where: p.in,
    required: p.required,
    schema: p.schema,
  }));
  const body = op.requestBody?.content["application/json"].schema;
  return (
    <article
      id={op.operationId}
      aria-label={`${method} ${path}`}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <h3 className="flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONES[method] ?? "neutral"}>{method}</Badge>
        <code className="text-sm break-all">{path}</code>
      </h3>
      <p className="mt-1 text-sm">{op.summary}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {op["x-permission"] ? (
          <>
            Permission <code data-testid="permission">{op["x-permission"]}</code> · {op.description}
          </>
        ) : (
          op.description
        )}
      </p>
      <FieldsTable caption="Parameters" rows={params} />
      <FieldsTable caption="Body (JSON)" rows={bodyRows(body)} />
    </article>
  );
}
