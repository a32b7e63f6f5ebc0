/** Trial components: listing by experiment, trial or source, associations, deletion, and a kill -9 restart. */
import {
  AssociateTrialComponentCommand,
  CreateTrialComponentCommand,
  DeleteTrialComponentCommand,
  DescribeTrialComponentCommand,
  DisassociateTrialComponentCommand,
  ListTrialComponentsCommand,
  ListTrialsCommand,
  paginateListTrialComponents,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";
import { seedTrialComponents } from "../../testing/trial-components";

const emu = emulatorFixture({ setup: seedTrialComponents });

describe("trial components", () => {
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
