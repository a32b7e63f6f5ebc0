import {
  AssociateTrialComponentCommand,
  CreateExperimentCommand,
  CreateTrialCommand,
  CreateTrialComponentCommand,
  DeleteTrialComponentCommand,
  DescribeTrialComponentCommand,
  DisassociateTrialComponentCommand,
  ListTrialComponentsCommand,
  ListTrialsCommand,
  UpdateTrialComponentCommand,
  paginateListTrialComponents,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";

const emu = emulatorFixture();

beforeAll(async () => {
  await emu.client().send(new CreateExperimentCommand({ ExperimentName: "tc-exp" }));
  await emu.client().send(new CreateTrialCommand({ TrialName: "tc-trial-1", ExperimentName: "tc-exp" }));
  await emu.client().send(new CreateTrialCommand({ TrialName: "tc-trial-2", ExperimentName: "tc-exp" }));
  for (let i = 1; i <= 12; i++) {
    await emu.client().send(
      new CreateTrialComponentCommand({
        TrialComponentName: `tc-run-${String(i).padStart(2, "0")}`,
        Parameters: { lr: { NumberValue: i / 100 } },
      }),
    );
    await emu.client().send(
      new AssociateTrialComponentCommand({
        TrialComponentName: `tc-run-${String(i).padStart(2, "0")}`,
        TrialName: i % 2 ? "tc-trial-1" : "tc-trial-2",
      }),
    );
  }
}, 120_000);

describe("trial components", () => {
  it("creates one with every member and describes it by name and by ARN", async () => {
    const start = new Date(Math.floor(Date.now() / 1000 - 600) * 1000);
    const r = await emu.client().send(
      new CreateTrialComponentCommand({
        TrialComponentName: "tc-Full",
        DisplayName: "full",
        Status: { PrimaryStatus: "InProgress", Message: "training" },
        StartTime: start,
        Parameters: { lr: { NumberValue: 0.1 }, optimizer: { StringValue: "adam" } },
        InputArtifacts: { train: { MediaType: "text/csv", Value: "s3://b/train.csv" } },
        OutputArtifacts: { model: { Value: "s3://b/model.tar.gz" } },
        MetadataProperties: { GeneratedBy: "test" },
        Tags: [{ Key: "team", Value: "qa" }],
      }),
    );
    expect(r.TrialComponentArn).toBe(
      "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc-full",
    );
    const byName = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: "tc-Full" }));
    const byArn = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: r.TrialComponentArn }));
    expect(byArn.TrialComponentName).toBe("tc-Full");
    expect(byName.Parameters).toEqual({ lr: { NumberValue: 0.1 }, optimizer: { StringValue: "adam" } });
    expect(byName.InputArtifacts?.train).toEqual({ MediaType: "text/csv", Value: "s3://b/train.csv" });
    expect(byName.OutputArtifacts?.model?.Value).toBe("s3://b/model.tar.gz");
    expect(byName.Status).toEqual({ PrimaryStatus: "InProgress", Message: "training" });
    expect(byName.StartTime).toEqual(start);
    expect(byName.MetadataProperties).toEqual({ GeneratedBy: "test" });
    expect(byName.EndTime).toBeUndefined();
    expect(byName.Metrics).toBeUndefined();
  });

  it("validates parameters, artifacts and status like SageMaker", async () => {
    const both = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-1",
          Parameters: { p: { StringValue: "a", NumberValue: 1 } as never },
        }),
      ),
    );
    expect(both.name).toBe("ValidationException");
    expect(both.message).toContain("Only one of NumberValue or StringValue can be specified");
    const many = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-2",
          Parameters: Object.fromEntries(
            Array.from({ length: 301 }, (_, i) => [`p${i}`, { NumberValue: i }]),
          ),
        }),
      ),
    );
    expect(many.message).toContain("Member must have length less than or equal to 300");
    const media = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-3",
          InputArtifacts: { x: { MediaType: "not a type", Value: "s3://b/x" } },
        }),
      ),
    );
    expect(media.message).toContain(
      "mediaType' failed to satisfy constraint: Member must satisfy regular expression",
    );
    const arts = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-4",
          OutputArtifacts: Object.fromEntries(
            Array.from({ length: 61 }, (_, i) => [`a${i}`, { Value: "s3://b" }]),
          ),
        }),
      ),
    );
    expect(arts.message).toContain("Member must have length less than or equal to 60");
    const status = await errorOf(
      emu.client().send(
        new CreateTrialComponentCommand({
          TrialComponentName: "tc-bad-5",
          Status: { PrimaryStatus: "Done" as never },
        }),
      ),
    );
    expect(status.message).toContain(
      "at 'status.primaryStatus' failed to satisfy constraint: Member must satisfy enum value set: [InProgress, Completed, Failed, Stopping, Stopped]",
    );
    const dup = await errorOf(
      emu.client().send(new CreateTrialComponentCommand({ TrialComponentName: "tc-run-01" })),
    );
    expect(dup.name).toBe("ValidationException");
    expect(dup.message).toMatch(/already exists/);
  });

  it("updates parameters, artifacts, status and times", async () => {
    await emu.client().send(
      new CreateTrialComponentCommand({
        TrialComponentName: "tc-upd",
        Parameters: { a: { NumberValue: 1 }, b: { StringValue: "x" } },
        InputArtifacts: { i1: { Value: "s3://1" }, i2: { Value: "s3://2" } },
      }),
    );
    const end = new Date(Math.floor(Date.now() / 1000) * 1000);
    await emu.client().send(
      new UpdateTrialComponentCommand({
        TrialComponentName: "tc-upd",
        DisplayName: "updated",
        Parameters: { c: { NumberValue: 3 }, a: { NumberValue: 10 } },
        ParametersToRemove: ["b"],
        InputArtifactsToRemove: ["i1"],
        OutputArtifacts: { model: { Value: "s3://m" } },
        Status: { PrimaryStatus: "Completed" },
        EndTime: end,
      }),
    );
    const d = await emu.client().send(new DescribeTrialComponentCommand({ TrialComponentName: "tc-upd" }));
    expect(d.DisplayName).toBe("updated");
    expect(d.Parameters).toEqual({ a: { NumberValue: 10 }, c: { NumberValue: 3 } });
    expect(Object.keys(d.InputArtifacts ?? {})).toEqual(["i2"]);
    expect(d.OutputArtifacts).toEqual({ model: { Value: "s3://m" } });
    expect(d.Status?.PrimaryStatus).toBe("Completed");
    expect(d.EndTime).toEqual(end);
    const clash = await errorOf(
      emu.client().send(
        new UpdateTrialComponentCommand({
          TrialComponentName: "tc-upd",
          Parameters: { a: { NumberValue: 2 } },
          ParametersToRemove: ["a"],
        }),
      ),
    );
    expect(clash.name).toBe("ValidationException");
    const nf = await errorOf(
      emu.client().send(new UpdateTrialComponentCommand({ TrialComponentName: "tc-none" })),
    );
    expect(nf.name).toBe("ResourceNotFound");
  });

  it("answers ResourceNotFound for missing components, by name or ARN", async () => {
    const a = await errorOf(
      emu.client().send(new DescribeTrialComponentCommand({ TrialComponentName: "tc-none" })),
    );
    expect(a.name).toBe("ResourceNotFound");
    expect(a.message).toBe(
      "Trial component 'arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc-none' does not exist.",
    );
    const b = await errorOf(
      emu.client().send(
        new DescribeTrialComponentCommand({
          TrialComponentName: "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc-none",
        }),
      ),
    );
    expect(b.name).toBe("ResourceNotFound");
    const c = await errorOf(
      emu
        .client()
        .send(new AssociateTrialComponentCommand({ TrialComponentName: "tc-run-01", TrialName: "tc-none" })),
    );
    expect(c.name).toBe("ResourceNotFound");
  });

  it("lists components of an experiment or a trial, every one exactly once across pages", async () => {
    const names: string[] = [];
    for await (const p of paginateListTrialComponents(
      { client: emu.client(), pageSize: 5 },
      { ExperimentName: "tc-exp" },
    ))
      for (const s of p.TrialComponentSummaries ?? []) names.push(s.TrialComponentName!);
    expect([...names].sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `tc-run-${String(i + 1).padStart(2, "0")}`),
    );
    const t1 = await emu
      .client()
      .send(
        new ListTrialComponentsCommand({ TrialName: "tc-trial-1", SortBy: "Name", SortOrder: "Ascending" }),
      );
    expect(t1.TrialComponentSummaries!.map((s) => s.TrialComponentName)).toEqual([
      "tc-run-01",
      "tc-run-03",
      "tc-run-05",
      "tc-run-07",
      "tc-run-09",
      "tc-run-11",
    ]);
    const desc = await emu
      .client()
      .send(
        new ListTrialComponentsCommand({ TrialName: "tc-trial-1", SortBy: "Name", SortOrder: "Descending" }),
      );
    expect(desc.TrialComponentSummaries![0]!.TrialComponentName).toBe("tc-run-11");
    const all: string[] = [];
    // oldest first: components that running pipelines add meanwhile land on later pages, not shift earlier ones
    for await (const p of paginateListTrialComponents(
      { client: emu.client(), pageSize: 100 },
      { SortBy: "CreationTime", SortOrder: "Ascending" },
    ))
      for (const s of p.TrialComponentSummaries ?? []) all.push(s.TrialComponentName!);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(500 + 12);
  });

  it("takes only one of ExperimentName, TrialName and SourceArn", async () => {
    const e = await errorOf(
      emu
        .client()
        .send(new ListTrialComponentsCommand({ ExperimentName: "tc-exp", TrialName: "tc-trial-1" })),
    );
    expect(e.name).toBe("ValidationException");
    const nf = await errorOf(
      emu.client().send(new ListTrialComponentsCommand({ ExperimentName: "tc-none" })),
    );
    expect(nf.name).toBe("ResourceNotFound");
    const tnf = await errorOf(emu.client().send(new ListTrialComponentsCommand({ TrialName: "tc-none" })));
    expect(tnf.name).toBe("ResourceNotFound");
    const src = await emu.client().send(
      new ListTrialComponentsCommand({
        SourceArn: "arn:aws:sagemaker:us-east-1:123456789012:training-job/none-such",
      }),
    );
    expect(src.TrialComponentSummaries).toEqual([]);
  });

  it("rejects bad list arguments and tampered tokens on ListTrials and ListTrialComponents", async () => {
    for (const MaxResults of [0, 101]) {
      const a = await errorOf(emu.client().send(new ListTrialComponentsCommand({ MaxResults })));
      expect(a.message).toContain("at 'maxResults' failed to satisfy constraint");
      const b = await errorOf(emu.client().send(new ListTrialsCommand({ MaxResults })));
      expect(b.message).toContain("at 'maxResults' failed to satisfy constraint");
    }
    const sort = await errorOf(
      emu.client().send(new ListTrialComponentsCommand({ SortBy: "Status" as never })),
    );
    expect(sort.message).toContain(
      "at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, CreationTime]",
    );
    const page = await emu
      .client()
      .send(new ListTrialComponentsCommand({ ExperimentName: "tc-exp", MaxResults: 2 }));
    const bad = await errorOf(
      emu.client().send(
        new ListTrialComponentsCommand({
          ExperimentName: "tc-exp",
          MaxResults: 2,
          NextToken: `${page.NextToken}x`,
        }),
      ),
    );
    expect(bad.name).toBe("ValidationException");
    const other = await errorOf(
      emu.client().send(
        new ListTrialComponentsCommand({
          TrialName: "tc-trial-1",
          MaxResults: 2,
          NextToken: page.NextToken,
        }),
      ),
    );
    expect(other.name).toBe("ValidationException");
    const trialsPage = await emu.client().send(new ListTrialsCommand({ MaxResults: 1 }));
    const t = await errorOf(
      emu.client().send(new ListTrialsCommand({ MaxResults: 1, NextToken: `y${trialsPage.NextToken}` })),
    );
    expect(t.name).toBe("ValidationException");
  });

  it("associates, lists trials of a component, disassociates, then deletes", async () => {
    await emu.client().send(new CreateTrialComponentCommand({ TrialComponentName: "tc-assoc" }));
    const r = await emu
      .client()
      .send(new AssociateTrialComponentCommand({ TrialComponentName: "tc-assoc", TrialName: "tc-trial-1" }));
    expect(r.TrialArn).toContain("experiment-trial/tc-trial-1");
    await emu
      .client()
      .send(new AssociateTrialComponentCommand({ TrialComponentName: "tc-assoc", TrialName: "tc-trial-2" }));
    const trials = await emu
      .client()
      .send(new ListTrialsCommand({ TrialComponentName: "tc-assoc", SortBy: "Name" }));
    expect(trials.TrialSummaries!.map((t) => t.TrialName).sort()).toEqual(["tc-trial-1", "tc-trial-2"]);
    const busy = await errorOf(
      emu.client().send(new DeleteTrialComponentCommand({ TrialComponentName: "tc-assoc" })),
    );
    expect(busy.name).toBe("ValidationException");
    for (const t of ["tc-trial-1", "tc-trial-2"])
      await emu
        .client()
        .send(new DisassociateTrialComponentCommand({ TrialComponentName: "tc-assoc", TrialName: t }));
    const again = await errorOf(
      emu
        .client()
        .send(
          new DisassociateTrialComponentCommand({ TrialComponentName: "tc-assoc", TrialName: "tc-trial-1" }),
        ),
    );
    expect(again.name).toBe("ResourceNotFound");
    const left = await emu
      .client()
      .send(new ListTrialComponentsCommand({ TrialName: "tc-trial-1", MaxResults: 100 }));
    expect(left.TrialComponentSummaries!.map((s) => s.TrialComponentName)).not.toContain("tc-assoc");
    await emu.client().send(new DeleteTrialComponentCommand({ TrialComponentName: "tc-assoc" }));
    const gone = await errorOf(
      emu.client().send(new DescribeTrialComponentCommand({ TrialComponentName: "tc-assoc" })),
    );
    expect(gone.name).toBe("ResourceNotFound");
  });

  it("keeps components, parents and metrics across a kill -9 restart", async () => {
    await emu.restart(true); // kill -9: the journal alone must bring everything back
    const list = await emu
      .client()
      .send(new ListTrialComponentsCommand({ TrialName: "tc-trial-2", MaxResults: 100 }));
    expect(list.TrialComponentSummaries).toHaveLength(6);
    const seeded = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: "churn-xgb-tuning-tuning-001" }));
    expect(seeded.Metrics?.map((m) => m.MetricName)).toContain("validation:auc");
    const auc = seeded.Metrics!.find((m) => m.MetricName === "validation:auc")!;
    expect(auc.Count).toBeGreaterThan(1);
    expect(auc.Max).toBeGreaterThanOrEqual(auc.Last!);
    expect(auc.Min).toBeLessThanOrEqual(auc.Avg!);
  });
});
