import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonSchemaOf } from "@/lib/api/openapi/schema";
import { schemaLabel } from "./schema-label";

const label = (schema: z.ZodType) => schemaLabel(jsonSchemaOf(schema));

describe("schemaLabel", () => {
  it("says a field's type and bounds as the reference page shows them", () => {
    expect(label(z.coerce.number().int().min(1))).toBe("integer, ≥ 1");
    expect(label(z.coerce.number().int().min(1).max(50))).toBe("integer, 1–50");
    expect(label(z.string().min(1).max(170))).toBe("string, 1–170 chars");
    expect(label(z.enum(["Staging", "Production"]))).toBe("one of Staging, Production");
    expect(label(z.array(z.string()).min(1).max(20))).toBe("array of string, 1–20 items");
    expect(label(z.number().positive().max(8760).nullable())).toBe("number, > 0, ≤ 8760 or null");
    expect(label(z.string().uuid())).toBe("string, uuid");
  });
});
