/** Search over trial components: parameter operators, nested filters and sub-expressions, timestamps. */
import { type SearchCommandInput } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { SEEDED, auc, inExp, searcher, seedSearchRuns } from "../../testing/search";

const emu = emulatorFixture({ setup: seedSearchRuns });
const searchAll = searcher(emu);

describe("Search over trial components", () => {
  it("matches parameters numerically or as strings, with every operator", async () => {
    const names = async (filters: NonNullable<SearchCommandInput["SearchExpression"]>["Filters"]) =>
      (await searchAll({ SearchExpression: { Filters: [inExp("sx-exp"), ...(filters ?? [])] } }))
        .map((t) => t.TrialComponentName!)
        .filter((n) => n.startsWith("sx-run-"))
        .sort();
    const runs = (pred: (i: number) => boolean) =>
      Array.from({ length: 15 }, (_, i) => i)
        .filter(pred)
        .map((i) => `sx-run-${String(i).padStart(2, "0")}`);
    expect(await names([{ Name: "Parameters.lr", Operator: "Equals", Value: "0.02" }])).toEqual(
      runs((i) => i % 5 === 2),
    );
    expect(await names([{ Name: "Parameters.lr", Value: "0.020" }])).toEqual(runs((i) => i % 5 === 2));
    expect(await names([{ Name: "Parameters.lr", Operator: "NotEquals", Value: "0.02" }])).toEqual(
      runs((i) => i % 5 !== 2),
    );
    expect(await names([{ Name: "Parameters.lr", Operator: "GreaterThan", Value: "0.02" }])).toEqual(
      runs((i) => i % 5 > 2),
    );
    expect(await names([{ Name: "Parameters.lr", Operator: "LessThan", Value: "0.02" }])).toEqual(
      runs((i) => i % 5 < 2),
    );
    expect(await names([{ Name: "Parameters.lr", Operator: "LessThanOrEqualTo", Value: "0.02" }])).toEqual(
      runs((i) => i % 5 <= 2),
    );
    expect(await names([{ Name: "Parameters.optimizer", Operator: "Equals", Value: "sgd" }])).toEqual(
      runs((i) => i % 3 === 1),
    );
    expect(await names([{ Name: "Parameters.optimizer", Operator: "In", Value: "adam, adagrad" }])).toEqual(
      runs((i) => i % 3 !== 1),
    );
    expect(await names([{ Name: "Parameters.optimizer", Operator: "Contains", Value: "ad" }])).toEqual(
      runs((i) => i % 3 !== 1),
    );
    expect(await names([{ Name: "Parameters.warmup", Operator: "Exists" }])).toEqual(runs((i) => i < 5));
    expect(await names([{ Name: "Parameters.warmup", Operator: "NotExists" }])).toEqual(runs((i) => i >= 5));
    expect(await names([{ Name: "Status.PrimaryStatus", Value: "Failed" }])).toEqual(
      runs((i) => i % 4 === 0),
    );
    expect(await names([{ Name: "Tags.parity", Value: "odd" }])).toEqual(runs((i) => i % 2 === 1));
    expect(await names([{ Name: "DisplayName", Operator: "Contains", Value: "run-1" }])).toEqual(
      runs((i) => String(i).startsWith("1")),
    );
  });

  it("supports nested filters, sub-expressions and Or", async () => {
    const nested = await searchAll({
      SearchExpression: {
        NestedFilters: [
          {
            NestedPropertyName: "Parents",
            Filters: [
              { Name: "Parents.ExperimentName", Operator: "Equals", Value: "sx-exp" },
              { Name: "Parents.TrialName", Operator: "Equals", Value: "sx-trial-b" },
            ],
          },
        ],
      },
    });
    expect(nested.map((t) => t.TrialComponentName).sort()).toEqual(
      Array.from({ length: 5 }, (_, i) => `sx-run-${10 + i}`),
    );
    const or = await searchAll({
      SearchExpression: {
        Operator: "Or",
        Filters: [
          { Name: "TrialComponentName", Value: "sx-run-01" },
          { Name: "TrialComponentName", Value: "sx-run-02" },
        ],
        SubExpressions: [
          {
            Operator: "And",
            Filters: [
              inExp("sx-exp"),
              { Name: "Parameters.lr", Operator: "GreaterThanOrEqualTo", Value: "0.04" },
            ],
          },
        ],
      },
    });
    expect(or.map((t) => t.TrialComponentName).sort()).toEqual([
      "sx-run-01",
      "sx-run-02",
      "sx-run-04",
      "sx-run-09",
      "sx-run-14",
    ]);
    const metricNested = await searchAll({
      SearchExpression: {
        Filters: [inExp(SEEDED)],
        NestedFilters: [
          {
            NestedPropertyName: "Metrics",
            Filters: [
              { Name: "Metrics.MetricName", Value: "validation:auc" },
              { Name: "Metrics.Last", Operator: "GreaterThan", Value: "0.8" },
            ],
          },
        ],
      },
    });
    const all = await searchAll({ SearchExpression: { Filters: [inExp(SEEDED)] } });
    expect(metricNested.length).toBe(all.filter((t) => (auc(t) ?? 0) > 0.8).length);
  });

  it("compares timestamps given as epoch seconds or ISO-8601", async () => {
    const mine = await searchAll({
      SearchExpression: { Filters: [inExp("sx-exp")] },
      SortBy: "CreationTime",
      SortOrder: "Ascending",
    });
    const pivot = mine[7]!.CreationTime!;
    const iso = await searchAll({
      SearchExpression: {
        Filters: [
          inExp("sx-exp"),
          { Name: "CreationTime", Operator: "GreaterThan", Value: pivot.toISOString() },
        ],
      },
    });
    const epoch = await searchAll({
      SearchExpression: {
        Filters: [
          inExp("sx-exp"),
          { Name: "CreationTime", Operator: "GreaterThan", Value: String(pivot.getTime() / 1000) },
        ],
      },
    });
    const expected = mine
      .filter((t) => t.CreationTime! > pivot)
      .map((t) => t.TrialComponentName)
      .sort();
    expect(iso.map((t) => t.TrialComponentName).sort()).toEqual(expected);
    expect(epoch.map((t) => t.TrialComponentName).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
