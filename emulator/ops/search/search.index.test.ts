/**
 * Search through the experiment/trial index (a top-level `Parents.ExperimentName` or `Parents.TrialName`
 * Equals, with sorted views kept per experiment) returns exactly what a full scan returns — the same filter
 * as a NestedFilter on Parents, which the index does not serve — for filters, sorts and pagination, and
 * still does after runs are associated, disassociated, updated, re-tagged, deleted and re-created.
 */
import {
  AddTagsCommand,
  AssociateTrialComponentCommand,
  CreateExperimentCommand,
  CreateTrialCommand,
  CreateTrialComponentCommand,
  DeleteTrialComponentCommand,
  DisassociateTrialComponentCommand,
  SearchCommand,
  UpdateTrialComponentCommand,
  type SageMakerClient,
  type SearchCommandInput,
  type SearchExpression,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { searcher } from "../../testing/search";

type Filters = NonNullable<SearchExpression["Filters"]>;
type By = "ExperimentName" | "TrialName";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** ix-exp (trials ix-a: runs 0-5, ix-b: runs 6-9) and ix-other (trial ix-o: runs 10-13). */
async function seed(sm: SageMakerClient): Promise<void> {
  for (const [exp, trialsOf] of [
    ["ix-exp", ["ix-a", "ix-b"]],
    ["ix-other", ["ix-o"]],
  ] as const) {
    await sm.send(new CreateExperimentCommand({ ExperimentName: exp }));
    for (const t of trialsOf) await sm.send(new CreateTrialCommand({ TrialName: t, ExperimentName: exp }));
  }
  for (let i = 0; i < 14; i++) {
    const name = `ix-run-${String(i).padStart(2, "0")}`;
    await sm.send(
      new CreateTrialComponentCommand({
        TrialComponentName: name,
        DisplayName: `run-${i}`,
        // depth repeats (ties are broken by ARN); the first three have no depth (sorted last)
        Parameters: {
          optimizer: { StringValue: ["adam", "sgd"][i % 2]! },
          ...(i >= 3 ? { depth: { NumberValue: i % 4 } } : {}),
        },
        Status: { PrimaryStatus: i % 3 === 0 ? "Failed" : "Completed" },
        Tags: [{ Key: "parity", Value: i % 2 ? "odd" : "even" }],
      }),
    );
    const trial = i < 6 ? "ix-a" : i < 10 ? "ix-b" : "ix-o";
    await sm.send(new AssociateTrialComponentCommand({ TrialComponentName: name, TrialName: trial }));
    await sleep(3);
  }
}

const emu = emulatorFixture({ setup: seed });
const searchAll = searcher(emu);

const SORTS: Pick<SearchCommandInput, "SortBy" | "SortOrder">[] = [
  {},
  { SortBy: "Parameters.depth", SortOrder: "Ascending" },
  { SortBy: "Parameters.depth", SortOrder: "Descending" },
  { SortBy: "Parameters.optimizer", SortOrder: "Ascending" },
  { SortBy: "CreationTime", SortOrder: "Ascending" },
  { SortBy: "Tags.parity", SortOrder: "Descending" },
];
const FILTERS: Filters[] = [
  [],
  [{ Name: "Parameters.depth", Operator: "GreaterThanOrEqualTo", Value: "2" }],
  [{ Name: "Status.PrimaryStatus", Operator: "Equals", Value: "Completed" }],
  [{ Name: "Tags.parity", Operator: "Equals", Value: "odd" }],
  [{ Name: "Parameters.depth", Operator: "NotExists" }],
  // every operator through the view's columns, top-level and nested, numbers and strings, missing values
  [{ Name: "DisplayName", Operator: "NotEquals", Value: "run-3" }],
  [{ Name: "DisplayName", Operator: "Contains", Value: "1" }],
  [{ Name: "DisplayName", Operator: "In", Value: "run-1, run-5,run-12,run-50" }],
  [{ Name: "DisplayName", Operator: "GreaterThanOrEqualTo", Value: "run-5" }],
  [{ Name: "DisplayName", Operator: "NotExists" }],
  [
    { Name: "Parameters.depth", Operator: "LessThan", Value: "2" },
    { Name: "Parameters.optimizer", Operator: "GreaterThan", Value: "b" },
  ],
  [{ Name: "Parameters.depth", Operator: "LessThanOrEqualTo", Value: "1" }],
  [{ Name: "Parameters.depth", Operator: "GreaterThan", Value: "1.5" }],
  [{ Name: "Parameters.depth", Operator: "Equals", Value: "2" }],
  [{ Name: "Parameters.depth", Operator: "Exists" }],
  [{ Name: "Parameters", Operator: "Exists" }],
  [{ Name: "Parameters.optimizer", Operator: "In", Value: "adam" }],
];

/** The same query through the index and as a full scan: every page, every record, and TotalHits. */
async function expectSameAsScan(by: By, value: string, filters: Filters, sort: (typeof SORTS)[number]) {
  const indexed: SearchExpression = { Filters: [{ Name: `Parents.${by}`, Value: value }, ...filters] };
  const scan: SearchExpression = {
    Filters: filters.length ? filters : undefined,
    NestedFilters: [{ NestedPropertyName: "Parents", Filters: [{ Name: `Parents.${by}`, Value: value }] }],
  };
  const first = async (e: SearchExpression) =>
    emu
      .client()
      .send(new SearchCommand({ Resource: "ExperimentTrialComponent", SearchExpression: e, ...sort }));
  const [a, b] = [await first(indexed), await first(scan)];
  expect(a.TotalHits).toEqual(b.TotalHits);
  const viaIndex = await searchAll({ SearchExpression: indexed, ...sort }, 3);
  const viaScan = await searchAll({ SearchExpression: scan, ...sort }, 3);
  expect(viaIndex).toEqual(viaScan);
  expect(viaIndex).toHaveLength(a.TotalHits!.Value!);
  return viaIndex.map((t) => t.TrialComponentName!);
}

async function expectAllSameAsScan(): Promise<void> {
  for (const [by, value] of [
    ["ExperimentName", "ix-exp"],
    ["ExperimentName", "ix-other"],
    ["TrialName", "ix-a"],
    ["TrialName", "ix-b"],
  ] as const)
    for (const filters of FILTERS) for (const sort of SORTS) await expectSameAsScan(by, value, filters, sort);
}

const runsOf = (by: By, value: string) =>
  expectSameAsScan(by, value, [], { SortBy: "CreationTime", SortOrder: "Ascending" });
const run = (i: number) => `ix-run-${String(i).padStart(2, "0")}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => run(from + k));

describe("Search through the experiment index", () => {
  it("returns what a full scan returns, for every filter, sort and page", async () => {
    expect(await runsOf("ExperimentName", "ix-exp")).toEqual(range(0, 10));
    await expectAllSameAsScan();
  });

  it("follows association, disassociation, updates and tags at once", async () => {
    // warm the sorted views of both experiments and trials first: a kept view must not outlive a write
    await expectAllSameAsScan();
    const c = emu.client();
    await c.send(new DisassociateTrialComponentCommand({ TrialComponentName: run(4), TrialName: "ix-a" }));
    expect(await runsOf("ExperimentName", "ix-exp")).toEqual(range(0, 10).filter((n) => n !== run(4)));
    expect(await runsOf("TrialName", "ix-a")).toEqual([0, 1, 2, 3, 5].map(run));

    await c.send(new DisassociateTrialComponentCommand({ TrialComponentName: run(11), TrialName: "ix-o" }));
    await c.send(new AssociateTrialComponentCommand({ TrialComponentName: run(11), TrialName: "ix-b" }));
    expect(await runsOf("ExperimentName", "ix-other")).toEqual([10, 12, 13].map(run));
    expect(await runsOf("TrialName", "ix-b")).toEqual([6, 7, 8, 9, 11].map(run));

    await c.send(
      new UpdateTrialComponentCommand({
        TrialComponentName: run(5),
        DisplayName: "run-50",
        Parameters: { depth: { NumberValue: 9 } },
      }),
    );
    const deepest = await expectSameAsScan("ExperimentName", "ix-exp", [], {
      SortBy: "Parameters.depth",
      SortOrder: "Descending",
    });
    expect(deepest[0]).toBe(run(5));

    await c.send(
      new AddTagsCommand({
        ResourceArn: (await c.send(new SearchCommand(byName(run(6))))).Results![0]!.TrialComponent!
          .TrialComponentArn!,
        Tags: [{ Key: "parity", Value: "odd" }],
      }),
    );
    const odd = await expectSameAsScan("TrialName", "ix-b", [{ Name: "Tags.parity", Value: "odd" }], {});
    expect(odd.sort()).toEqual([6, 7, 9, 11].map(run));
    await expectAllSameAsScan();
  });

  it("forgets a deleted run and finds a new one of the same name", async () => {
    const c = emu.client();
    await c.send(new DisassociateTrialComponentCommand({ TrialComponentName: run(2), TrialName: "ix-a" }));
    await c.send(new DeleteTrialComponentCommand({ TrialComponentName: run(2) }));
    expect(await runsOf("ExperimentName", "ix-exp")).not.toContain(run(2));
    await c.send(
      new CreateTrialComponentCommand({
        TrialComponentName: run(2),
        Parameters: { depth: { NumberValue: 100 } },
      }),
    );
    // views kept from here on (the new run's tags were written) must notice the association
    await expectAllSameAsScan();
    await c.send(new AssociateTrialComponentCommand({ TrialComponentName: run(2), TrialName: "ix-o" }));
    const deepest = await expectSameAsScan("ExperimentName", "ix-other", [], {
      SortBy: "Parameters.depth",
      SortOrder: "Descending",
    });
    expect(deepest[0]).toBe(run(2));
    expect(await runsOf("TrialName", "ix-a")).toEqual([0, 1, 3, 5].map(run));
    await expectAllSameAsScan();
  });

  it("refuses a token from another listing in the same words", async () => {
    const page = await emu.client().send(
      new SearchCommand({
        Resource: "ExperimentTrialComponent",
        SearchExpression: { Filters: [{ Name: "Parents.ExperimentName", Value: "ix-exp" }] },
        MaxResults: 2,
      }),
    );
    expect(page.NextToken).toBeDefined();
    await expect(
      emu.client().send(
        new SearchCommand({
          Resource: "ExperimentTrialComponent",
          SearchExpression: { Filters: [{ Name: "Parents.ExperimentName", Value: "ix-other" }] },
          NextToken: page.NextToken,
        }),
      ),
    ).rejects.toThrow("Invalid pagination token. Use the NextToken value returned by the previous call.");
  });
});

function byName(name: string): SearchCommandInput {
  return {
    Resource: "ExperimentTrialComponent",
    SearchExpression: { Filters: [{ Name: "TrialComponentName", Value: name }] },
  };
}
