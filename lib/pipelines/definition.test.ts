import { describe, expect, it } from "vitest";
import { parseDefinition } from "./definition";
import { layoutGraph } from "./graph";
import { startRunSchema } from "./parameters";

const definition = JSON.stringify({
  Version: "2020-12-01",
  Parameters: [
    { Name: "Depth", Type: "Integer", DefaultValue: 6 },
    { Name: "Rate", Type: "Float", DefaultValue: 0.2 },
    { Name: "Approve", Type: "String", DefaultValue: "Pending", EnumValues: ["Pending", "Approved"] },
    { Name: "Input", Type: "String" },
  ],
  Steps: [
    { Name: "Prep", Type: "Processing", Arguments: {} },
    {
      Name: "Train",
      Type: "Training",
      Arguments: { X: { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['t']" } },
    },
    { Name: "Eval", Type: "Processing", DependsOn: ["Train"], Arguments: {} },
    {
      Name: "Gate",
      Type: "Condition",
      Arguments: {
        Conditions: [
          {
            Type: "GreaterThanOrEqualTo",
            LeftValue: {
              "Std:JsonGet": { PropertyFile: { Get: "Steps.Eval.PropertyFiles.Report" }, Path: "auc" },
            },
            RightValue: { Get: "Parameters.Rate" },
          },
        ],
        IfSteps: [{ Name: "Register", Type: "RegisterModel", Arguments: {} }],
        ElseSteps: [{ Name: "Stop", Type: "Fail", Arguments: {} }],
      },
    },
  ],
});

describe("pipeline definition model", () => {
  const model = parseDefinition(definition);

  it("reads parameters with types, defaults (as strings) and enums", () => {
    expect(model.parameters).toEqual([
      { name: "Depth", type: "Integer", defaultValue: "6", enumValues: undefined },
      { name: "Rate", type: "Float", defaultValue: "0.2", enumValues: undefined },
      { name: "Approve", type: "String", defaultValue: "Pending", enumValues: ["Pending", "Approved"] },
      { name: "Input", type: "String", defaultValue: undefined, enumValues: undefined },
    ]);
  });

  it("derives edges from DependsOn, property references, JsonGet and condition branches", () => {
    const deps = Object.fromEntries(model.steps.map((s) => [s.name, [...s.dependsOn].sort()]));
    expect(deps).toEqual({
      Prep: [],
      Train: ["Prep"],
      Eval: ["Train"],
      Gate: ["Eval"],
      Register: ["Gate"],
      Stop: ["Gate"],
    });
    expect(model.steps.find((s) => s.name === "Gate")?.conditions).toEqual([
      "Eval.PropertyFiles.Report:auc GreaterThanOrEqualTo Parameters.Rate",
    ]);
  });

  it("survives an unreadable definition", () => {
    expect(parseDefinition("{not json")).toEqual({ parameters: [], steps: [] });
  });

  it("lays the graph out left to right", () => {
    const g = layoutGraph(model.steps, []);
    const x = (n: string) => g.nodes.find((v) => v.name === n)?.x ?? NaN;
    expect(x("Prep")).toBeLessThan(x("Train"));
    expect(x("Gate")).toBeLessThan(x("Register"));
    expect(g.edges).toHaveLength(5);
    expect(g.nodes.every((n) => n.status === "NotStarted")).toBe(true);
  });
});

describe("start-run schema", () => {
  const schema = startRunSchema(parseDefinition(definition).parameters);
  const ok = { Depth: "6", Rate: "0.2", Approve: "Pending", Input: "s3://b/k" };

  it("accepts valid values", () => {
    expect(schema.safeParse({ parameters: ok }).success).toBe(true);
  });

  it.each([
    [{ ...ok, Depth: "6.5" }, "Depth must be a whole number"],
    [{ ...ok, Rate: "fast" }, "Rate must be a number"],
    [{ ...ok, Approve: "Maybe" }, "Approve must be one of: Pending, Approved"],
    [{ ...ok, Input: "" }, "Input is required"],
    [{ ...ok, Extra: "1" }, "Unrecognized key"],
  ])("refuses %j", (parameters, message) => {
    const r = schema.safeParse({ parameters });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("checks the display name like SageMaker", () => {
    expect(schema.safeParse({ parameters: ok, displayName: "bad name!" }).success).toBe(false);
    expect(schema.safeParse({ parameters: ok, displayName: "good-name-1" }).success).toBe(true);
  });
});
