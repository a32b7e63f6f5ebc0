import {
  AssociateTrialComponentCommand,
  CreateExperimentCommand,
  CreateTrialCommand,
  CreateTrainingJobCommand,
  CreateTrialComponentCommand,
  ListTrialComponentsCommand,
  SearchCommand,
  paginateListTrialComponents,
  paginateSearch,
  type SearchCommandInput,
  type TrialComponent,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";

const emu = emulatorFixture();

/** Every TrialComponent a search returns, across all pages. */
async function searchAll(
  input: Omit<SearchCommandInput, "Resource">,
  pageSize = 100,
): Promise<TrialComponent[]> {
  const out: TrialComponent[] = [];
  for await (const p of paginateSearch(
    { client: emu.client(), pageSize },
    { Resource: "ExperimentTrialComponent", ...input },
  ))
    for (const r of p.Results ?? []) out.push(r.TrialComponent!);
  return out;
}

const inExp = (name: string) => ({
  Name: "Parents.ExperimentName",
  Operator: "Equals" as const,
  Value: name,
});
const auc = (tc: TrialComponent) => tc.Metrics?.find((m) => m.MetricName === "validation:auc")?.Last;
const SEEDED = "churn-xgb-tuning";

const OPTIMIZERS = ["adam", "sgd", "adagrad"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await emu
    .client()
    .send(new CreateExperimentCommand({ ExperimentName: "sx-exp", Tags: [{ Key: "team", Value: "sx" }] }));
  await emu.client().send(new CreateTrialCommand({ TrialName: "sx-trial-a", ExperimentName: "sx-exp" }));
  await emu.client().send(new CreateTrialCommand({ TrialName: "sx-trial-b", ExperimentName: "sx-exp" }));
  for (let i = 0; i < 15; i++) {
    const name = `sx-run-${String(i).padStart(2, "0")}`;
    await emu.client().send(
      new CreateTrialComponentCommand({
        TrialComponentName: name,
        DisplayName: `run-${i}`,
        Parameters: {
          lr: { NumberValue: (i % 5) / 100 },
          optimizer: { StringValue: OPTIMIZERS[i % 3]! },
          ...(i < 5 ? { warmup: { NumberValue: i } } : {}),
        },
        Status: { PrimaryStatus: i % 4 === 0 ? "Failed" : "Completed" },
        Tags: [{ Key: "parity", Value: i % 2 ? "odd" : "even" }],
      }),
    );
    await emu.client().send(
      new AssociateTrialComponentCommand({
        TrialComponentName: name,
        TrialName: i < 10 ? "sx-trial-a" : "sx-trial-b",
      }),
    );
    await sleep(5);
  }
}, 120_000);

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

describe("Search over job trial components", () => {
  it("finds a training job's trial component by source, with its parents and hyperparameters", async () => {
    const job = await emu.client().send(
      new CreateTrainingJobCommand({
        TrainingJobName: "sx-train-1",
        AlgorithmSpecification: {
          TrainingInputMode: "File",
          TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1",
        },
        RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
        InputDataConfig: [
          {
            ChannelName: "train",
            DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://b/train" } },
          },
        ],
        OutputDataConfig: { S3OutputPath: "s3://b/out" },
        ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        HyperParameters: { max_depth: "5", eta: "0.2" },
        ExperimentConfig: { ExperimentName: "sx-exp", TrialName: "sx-trial-b" },
      }),
    );
    const bySource = {
      SearchExpression: {
        Filters: [{ Name: "Source.SourceArn", Operator: "Equals" as const, Value: job.TrainingJobArn! }],
      },
    };
    // a standalone job stays InProgress (the pipeline engine is what completes jobs)
    const found = await searchAll(bySource);
    expect(found).toHaveLength(1);
    const tc = found[0]!;
    expect(tc.TrialComponentName).toBe("sx-train-1-aws-training-job");
    expect(tc.Source?.SourceType).toBe("SageMakerTrainingJob");
    expect(tc.SourceDetail?.SourceArn).toBe(job.TrainingJobArn);
    expect(tc.Parents).toEqual([{ TrialName: "sx-trial-b", ExperimentName: "sx-exp" }]);
    expect(tc.Parameters?.max_depth).toEqual({ NumberValue: 5 });
    expect(tc.Status?.PrimaryStatus).toBe("InProgress");
    const byParam = await searchAll({
      SearchExpression: {
        Filters: [inExp("sx-exp"), { Name: "Parameters.max_depth", Operator: "Equals", Value: "5" }],
      },
    });
    expect(byParam.map((t) => t.TrialComponentName)).toEqual(["sx-train-1-aws-training-job"]);
    const listed = await emu.client().send(new ListTrialComponentsCommand({ SourceArn: job.TrainingJobArn }));
    expect(listed.TrialComponentSummaries!.map((s) => s.TrialComponentName)).toEqual([
      "sx-train-1-aws-training-job",
    ]);
  }, 30_000);
});

describe("Search validation", () => {
  const expectInvalid = async (input: Record<string, unknown>, text: string) => {
    const e = await errorOf(emu.client().send(new SearchCommand(input as unknown as SearchCommandInput)));
    expect(e.name).toBe("ValidationException");
    expect(e.message).toContain(text);
  };

  it("checks Resource, SortOrder, MaxResults and filter members in AWS words", async () => {
    await expectInvalid({}, "Value null at 'resource' failed to satisfy constraint: Member must not be null");
    await expectInvalid(
      { Resource: "Widget" },
      "at 'resource' failed to satisfy constraint: Member must satisfy enum value set: [TrainingJob, Experiment,",
    );
    await expectInvalid({ Resource: "Experiment", SortOrder: "Up" }, "at 'sortOrder'");
    await expectInvalid(
      { Resource: "Experiment", MaxResults: 0 },
      "at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    await expectInvalid(
      { Resource: "Experiment", MaxResults: 101 },
      "Member must have value less than or equal to 100",
    );
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "ExperimentName", Operator: "Like", Value: "x" }] },
      },
      "at 'searchExpression.filters.1.member.operator' failed to satisfy constraint: Member must satisfy enum value set: [Equals, NotEquals,",
    );
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "ExperimentName", Value: "x".repeat(1025) }] },
      },
      "at 'searchExpression.filters.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 1024",
    );
    await expectInvalid(
      { Resource: "Experiment", SearchExpression: { Filters: [{ Name: "ExperimentName", Value: "" }] } },
      "Member must have length greater than or equal to 1",
    );
    await expectInvalid(
      { Resource: "Experiment", SearchExpression: { Filters: [{ Operator: "Exists" }] } },
      "Value null at 'searchExpression.filters.1.member.name'",
    );
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: {
          Filters: Array.from({ length: 21 }, () => ({ Name: "ExperimentName", Value: "x" })),
        },
      },
      "at 'searchExpression.filters' failed to satisfy constraint: Member must have length less than or equal to 20",
    );
    await expectInvalid(
      { Resource: "Experiment", SearchExpression: { Filters: [], Operator: "Xor" } },
      "at 'searchExpression.operator'",
    );
  });

  it("allows at most 50 filters in total", async () => {
    const twenty = Array.from({ length: 20 }, () => ({ Name: "ExperimentName", Operator: "Exists" }));
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: { Filters: twenty, SubExpressions: [{ Filters: twenty }, { Filters: twenty }] },
      },
      "at most 50 filters",
    );
    const ok = await emu.client().send(
      new SearchCommand({
        Resource: "Experiment",
        SearchExpression: { Filters: twenty as never, SubExpressions: [{ Filters: twenty as never }] },
      }),
    );
    expect(ok.TotalHits!.Value).toBeGreaterThanOrEqual(17);
  });
});

describe("Search over the seeded demo", () => {
  it("has at least 17 manual experiments and 500 runs with parameters and metrics", async () => {
    const exps = await emu.client().send(
      new SearchCommand({
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "Tags.team", Operator: "Exists" }] },
      }),
    );
    expect(exps.TotalHits!.Value).toBeGreaterThanOrEqual(17);
    const runs = await emu.client().send(
      new SearchCommand({
        Resource: "ExperimentTrialComponent",
        SearchExpression: {
          Filters: [
            { Name: "Parents.TrialName", Operator: "Contains", Value: "Default-Run-Group-" },
            { Name: "Parameters", Operator: "Exists" },
            { Name: "Metrics", Operator: "Exists" },
          ],
        },
        MaxResults: 1,
      }),
    );
    expect(runs.TotalHits!.Value).toBeGreaterThanOrEqual(500);
    for (const status of ["Completed", "Failed", "InProgress"]) {
      const s = await emu.client().send(
        new SearchCommand({
          Resource: "ExperimentTrialComponent",
          SearchExpression: { Filters: [{ Name: "Status.PrimaryStatus", Value: status }] },
          MaxResults: 1,
        }),
      );
      expect(s.TotalHits!.Value, status).toBeGreaterThan(0);
    }
  });

  it("finds a project's experiments by tag and trials by experiment", async () => {
    const exps = await emu.client().send(
      new SearchCommand({
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "Tags.sagemaker:project-name", Value: "recsys-ranking" }] },
        SortBy: "ExperimentName",
        SortOrder: "Ascending",
      }),
    );
    const names = exps.Results!.map((r) => r.Experiment!.ExperimentName);
    expect(names).toEqual(expect.arrayContaining(["recsys-negative-sampling", "recsys-two-tower"]));
    expect([...names].sort()).toEqual(names);
    const trials = await emu.client().send(
      new SearchCommand({
        Resource: "ExperimentTrial",
        SearchExpression: { Filters: [{ Name: "ExperimentName", Value: "recsys-two-tower" }] },
      }),
    );
    expect(trials.Results!.map((r) => r.Trial!.TrialName)).toEqual(["Default-Run-Group-recsys-two-tower"]);
    const summaries = trials.Results![0]!.Trial!.TrialComponentSummaries!;
    const runs = await searchAll({ SearchExpression: { Filters: [inExp("recsys-two-tower")] } });
    expect(summaries.map((s) => s.TrialComponentName).sort()).toEqual(
      runs.map((r) => r.TrialComponentName).sort(),
    );
    expect(summaries.length).toBe(30);
    expect(summaries[0]!.CreationTime).toBeInstanceOf(Date);
  });

  it("answers an experiment + metric filter + metric sort quickly", async () => {
    const input: SearchCommandInput = {
      Resource: "ExperimentTrialComponent",
      SearchExpression: {
        Filters: [inExp(SEEDED), { Name: "Metrics.validation:auc", Operator: "GreaterThan", Value: "0.5" }],
      },
      SortBy: "Metrics.validation:auc",
      SortOrder: "Descending",
      MaxResults: 100,
    };
    await emu.client().send(new SearchCommand(input));
    const t = performance.now();
    const r = await emu.client().send(new SearchCommand(input));
    expect(performance.now() - t).toBeLessThan(250);
    expect(r.Results!.length).toBeGreaterThan(0);
    const list = await emu
      .client()
      .send(new ListTrialComponentsCommand({ ExperimentName: SEEDED, MaxResults: 100 }));
    expect(r.TotalHits!.Value).toBeLessThanOrEqual(list.TrialComponentSummaries!.length);
  });
});
