import type { JsonSchema } from "@/lib/api/openapi/schema";
import { schemaLabel } from "./schema-label";

export interface FieldRow {
  name: string;
  where: string;
  required: boolean;
  schema: JsonSchema;
}

/** Parameters or body fields of one operation: name, where it goes, type, required, default. */
export function FieldsTable({ caption, rows }: { caption: string; rows: FieldRow[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {caption}
      </caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Name</th>
          <th className="py-1 pr-3 font-medium">In</th>
          <th className="py-1 pr-3 font-medium">Type</th>
          <th className="py-1 font-medium">Required</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.where}:${row.name}`} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1 pr-3 font-mono">{row.name}</td>
            <td className="py-1 pr-3">{row.where}</td>
            <td className="py-1 pr-3 break-all">
              {schemaLabel(row.schema)}
              {row.schema.default !== undefined ? ` (default ${JSON.stringify(row.schema.default)})` : ""}
            </td>
            <td className="py-1">{row.required ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
