import { z } from "zod";
import type { AnySchema } from "../input";

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) as zod writes it. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/**
 * The schema a client sends, from the zod schema the route validates with: the input side (before coercion,
 * defaults and transforms), inline (no $defs, so a schema can sit anywhere in the document), and checks zod
 * cannot express in JSON Schema (refinements, transforms) left out rather than refused.
 */
export function jsonSchemaOf(schema: AnySchema): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    reused: "inline",
    cycles: "throw",
  });
  return json;
}

export interface Field {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** The top-level fields of an object schema (params, query, body), in declaration order. */
export function fieldsOf(schema: AnySchema, where: string): Field[] {
  const json = jsonSchemaOf(schema);
  if (json.type !== "object" || !json.properties) {
    throw new Error(`${where}: the route's schema must be a z.object to be documented as fields`);
  }
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties).map(([name, inner]) => ({
    name,
    required: required.has(name),
    schema: typeof inner === "boolean" ? {} : inner,
  }));
}
