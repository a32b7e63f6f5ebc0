/** Search over trial components: what it finds, metric filters, sorting and paging. */
import {
  AssociateTrialComponentCommand,
  CreateTrialComponentCommand,
  SearchCommand,
  paginateListTrialComponents,
  paginateSearch,
  type TrialComponent,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";
import { OPTIMIZERS, SEEDED, auc, inExp, searcher, seedSearchRuns } from "../../testing/search";

const emu = emulatorFixture({ setup: seedSearchRuns });
const searchAll = searcher(emu);

describe("Search over trial components", () => {
  it("finds an experiment's runs as ListTrialComponents does, with Parents, Tags and RunName", async () => {
    const found = await searchAll({ SearchExpression: { Filters: [inExp(SEEDED)] } });
    const listed: string[] = [];
    for await (const p of paginateListTrialComponents(
      { client: emu.client(), pageSize: 100 },
      { ExperimentName: SEEDED },
    ))
      for (const s of p.TrialComponentSummaries ?? []) listed.push(s.TrialComponentName!);
    expect(found.map((t) => t.TrialComponentName).sort()).toEqual(listed.sort());
    expect(found.length).toBe(50);
    const one = found[0]!;
    expect(one.Parents).toEqual([{ TrialName: `Default-Run-Group-${SEEDED}`, ExperimentName: SEEDED }]);
    expect(one.Tags).toEqual(expect.arrayContaining([{ Key: "team", Value: "growth" }]));
    expect(one.RunName).toBe(one.DisplayName);
    expect(one.Metrics!.length).toBeGreaterThan(0);
  });

  it("filters on a metric's Last value and on its statistics", async () => {
    const all = await searchAll({ SearchExpression: { Filters: [inExp(SEEDED)] } });
    const values = all
      .map(auc)
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)]!;
    const above = await searchAll({
      SearchExpression: {
        Filters: [
          inExp(SEEDED),
          { Name: "Metrics.validation:auc", Operator: "GreaterThan", Value: String(median) },
        ],
      },
    });
    expect(above.length).toBe(values.filter((v) => v > median).length);
    expect(above.every((t) => auc(t)! > median)).toBe(true);
    const atMost = await searchAll({
      SearchExpression: {
        Filters: [
          inExp(SEEDED),
          { Name: "Metrics.validation:auc", Operator: "LessThanOrEqualTo", Value: String(median) },
        ],
      },
    });
    expect(above.length + atMost.length).toBe(values.length);
    const maxOf = (t: TrialComponent) => t.Metrics!.find((m) => m.MetricName === "validation:auc")!.Max!;
    const maxes = all.map(maxOf).sort((a, b) => a - b);
    const cut = maxes[Math.floor(maxes.length / 3)]!;
    const byMax = await searchAll({
      SearchExpression: {
        Filters: [
          inExp(SEEDED),
          { Name: "Metrics.validation:auc.Max", Operator: "GreaterThanOrEqualTo", Value: String(cut) },
        ],
      },
    });
    expect(byMax.length).toBe(maxes.filter((m) => m >= cut).length);
  });

  it("sorts by a metric in both orders, records without it last", async () => {
    await emu.client().send(new CreateTrialComponentCommand({ TrialComponentName: "sx-no-metrics" }));
    await emu
      .client()
      .send(
        new AssociateTrialComponentCommand({ TrialComponentName: "sx-no-metrics", TrialName: "sx-trial-a" }),
      );
    for (const order of ["Ascending", "Descending"] as const) {
      const got = await searchAll(
        {
          SearchExpression: {
            Filters: [{ Name: "Parents.ExperimentName", Operator: "In", Value: `${SEEDED},sx-exp` }],
          },
          SortBy: "Metrics.validation:auc",
          SortOrder: order,
        },
        25,
      );
      const keys = got.map(auc);
      const present = keys.filter((k): k is number => k !== undefined);
      expect(present.length).toBe(50);
      expect(keys.slice(0, 50).every((k) => k !== undefined)).toBe(true);
      const sorted = [...present].sort((a, b) => (order === "Ascending" ? a - b : b - a));
      expect(present).toEqual(sorted);
      expect(got.length).toBe(50 + 16);
    }
  });

  it("sorts by a numeric parameter and by a string parameter", async () => {
    const lr = (t: TrialComponent) => t.Parameters?.lr?.NumberValue;
    const asc = await searchAll({
      SearchExpression: { Filters: [inExp("sx-exp")] },
      SortBy: "Parameters.lr",
      SortOrder: "Ascending",
    });
    const withLr = asc.filter((t) => lr(t) !== undefined);
    expect(withLr.map(lr)).toEqual([...withLr.map(lr)].sort((a, b) => a! - b!));
    expect(asc.slice(0, withLr.length).every((t) => lr(t) !== undefined)).toBe(true);
    const desc = await searchAll({
      SearchExpression: { Filters: [inExp("sx-exp")] },
      SortBy: "Parameters.optimizer",
      SortOrder: "Descending",
    });
    const opts = desc.map((t) => t.Parameters?.optimizer?.StringValue).filter((o) => o !== undefined);
    expect(opts).toEqual([...opts].sort().reverse());
    expect(new Set(opts)).toEqual(new Set(OPTIMIZERS));
  });

  it("pages with signed tokens: every hit exactly once, TotalHits constant, default sort LastModifiedTime desc", async () => {
    const seen: string[] = [];
    const totals = new Set<number>();
    for await (const p of paginateSearch(
      { client: emu.client(), pageSize: 7 },
      { Resource: "ExperimentTrialComponent", SearchExpression: { Filters: [inExp(SEEDED)] } },
    )) {
      expect(p.TotalHits?.Relation).toBe("EqualTo");
      totals.add(p.TotalHits!.Value!);
      for (const r of p.Results ?? []) seen.push(r.TrialComponent!.TrialComponentName!);
    }
    expect([...totals]).toEqual([50]);
    expect(new Set(seen).size).toBe(50);
    const first = await emu.client().send(
      new SearchCommand({
        Resource: "ExperimentTrialComponent",
        SearchExpression: { Filters: [inExp(SEEDED)] },
      }),
    );
    expect(first.Results).toHaveLength(10);
    const times = first.Results!.map((r) => r.TrialComponent!.LastModifiedTime!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const tampered = `x${first.NextToken!.slice(1)}`;
    const e = await errorOf(
      emu.client().send(
        new SearchCommand({
          Resource: "ExperimentTrialComponent",
          SearchExpression: { Filters: [inExp(SEEDED)] },
          NextToken: tampered,
        }),
      ),
    );
    expect(e.name).toBe("ValidationException");
    const foreign = await errorOf(
      emu.client().send(
        new SearchCommand({
          Resource: "ExperimentTrialComponent",
          SearchExpression: { Filters: [inExp("sx-exp")] },
          NextToken: first.NextToken,
        }),
      ),
    );
    expect(foreign.name).toBe("ValidationException");
  });
});
