import { describe, expect, it } from "vitest";
import { NAME_PATTERN, Validator, memberPath } from "./validate";

describe("Validator", () => {
  it("words a pattern violation as SageMaker does", () => {
    const v = new Validator({ ModelName: "x_y" });
    v.string("ModelName", { pattern: NAME_PATTERN.model });
    expect(() => v.done()).toThrow(
      "1 validation error detected: Value 'x_y' at 'modelName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?",
    );
  });

  it("counts several violations and joins them with semicolons", () => {
    const v = new Validator({ MaxResults: 101 });
    v.string("PipelineName", { required: true });
    v.maxResults();
    try {
      v.done();
      expect.fail("should throw");
    } catch (err) {
      expect((err as Error).name).toBe("ValidationException");
      expect((err as Error).message).toBe(
        "2 validation errors detected: Value null at 'pipelineName' failed to satisfy constraint: Member must not be null; " +
          "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
      );
    }
  });

  it("checks enums and lengths, and passes valid input", () => {
    const bad = new Validator({ SortOrder: "Up", Description: "x".repeat(5) });
    bad.string("SortOrder", { enum: ["Ascending", "Descending"] });
    bad.string("Description", { max: 4 });
    expect(() => bad.done()).toThrow(
      /Member must satisfy enum value set: \[Ascending, Descending\].*length less than or equal to 4/,
    );
    const good = new Validator({ SortOrder: "Ascending", MaxResults: 5 });
    expect(good.string("SortOrder", { enum: ["Ascending", "Descending"] })).toBe("Ascending");
    expect(good.maxResults()).toBe(5);
    expect(() => good.done()).not.toThrow();
  });

  it("lower-cases the first letter of each member path segment", () => {
    expect(memberPath("ProductionVariants.1.member.VariantName")).toBe(
      "productionVariants.1.member.variantName",
    );
  });
});
