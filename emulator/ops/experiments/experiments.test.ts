import {
  CreateExperimentCommand,
  CreateTrialCommand,
  DeleteExperimentCommand,
  DeleteTrialCommand,
  DescribeExperimentCommand,
  DescribeTrialCommand,
  ListExperimentsCommand,
  ListTagsCommand,
  ListTrialsCommand,
  UpdateExperimentCommand,
  UpdateTrialCommand,
  paginateListExperiments,
  paginateListTrials,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";

const emu = emulatorFixture();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  // a family of experiments created in a known order, a little apart in time
  for (const n of ["tx-charlie", "tx-alpha", "tx-bravo"]) {
    await emu
      .client()
      .send(new CreateExperimentCommand({ ExperimentName: n, Tags: [{ Key: "suite", Value: "tx" }] }));
    await sleep(15);
  }
}, 120_000);

describe("experiments", () => {
  it("creates and describes an experiment with its tags and creator", async () => {
    const created = await emu.client().send(
      new CreateExperimentCommand({
        ExperimentName: "tx-Describe-Me",
        DisplayName: "Describe-me",
        Description: "a test experiment",
        Tags: [{ Key: "team", Value: "qa" }],
      }),
    );
    expect(created.ExperimentArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:experiment/tx-describe-me");
    const d = await emu.client().send(new DescribeExperimentCommand({ ExperimentName: "tx-Describe-Me" }));
    expect(d.ExperimentName).toBe("tx-Describe-Me");
    expect(d.DisplayName).toBe("Describe-me");
    expect(d.Description).toBe("a test experiment");
    expect(d.CreationTime).toBeInstanceOf(Date);
    expect(Math.abs(d.CreationTime!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(d.CreatedBy?.IamIdentity?.Arn).toContain("assumed-role");
    const tags = await emu.client().send(new ListTagsCommand({ ResourceArn: created.ExperimentArn }));
    expect(tags.Tags).toEqual([{ Key: "team", Value: "qa" }]);
  });

  it("refuses a duplicate name", async () => {
    const e = await errorOf(emu.client().send(new CreateExperimentCommand({ ExperimentName: "tx-alpha" })));
    expect(e.name).toBe("ValidationException");
    expect(e.message).toMatch(/already exists/);
  });

  it("validates names, lengths and required members in AWS words", async () => {
    const bad = await errorOf(emu.client().send(new CreateExperimentCommand({ ExperimentName: "bad_name" })));
    expect(bad.name).toBe("ValidationException");
    expect(bad.message).toBe(
      "1 validation error detected: Value 'bad_name' at 'experimentName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}",
    );
    const long = await errorOf(
      emu.client().send(new CreateExperimentCommand({ ExperimentName: "a".repeat(121) })),
    );
    expect(long.message).toContain("Member must have length less than or equal to 120");
    const desc = await errorOf(
      emu
        .client()
        .send(new CreateExperimentCommand({ ExperimentName: "tx-desc", Description: "x".repeat(3073) })),
    );
    expect(desc.message).toContain("at 'description' failed to satisfy constraint");
    const missing = await errorOf(emu.client().send(new CreateExperimentCommand({} as never)));
    expect(missing.message).toContain(
      "Value null at 'experimentName' failed to satisfy constraint: Member must not be null",
    );
    const tags = await errorOf(
      emu.client().send(
        new CreateExperimentCommand({
          ExperimentName: "tx-many-tags",
          Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })),
        }),
      ),
    );
    expect(tags.name).toBe("ValidationException");
  });

  it("answers ResourceNotFound for a missing experiment", async () => {
    const e = await errorOf(emu.client().send(new DescribeExperimentCommand({ ExperimentName: "tx-nope" })));
    expect(e.name).toBe("ResourceNotFound");
    expect(e.message).toBe(
      "Experiment 'arn:aws:sagemaker:us-east-1:123456789012:experiment/tx-nope' does not exist.",
    );
    const u = await errorOf(
      emu.client().send(new UpdateExperimentCommand({ ExperimentName: "tx-nope", DisplayName: "x" })),
    );
    expect(u.name).toBe("ResourceNotFound");
    const d = await errorOf(emu.client().send(new DeleteExperimentCommand({ ExperimentName: "tx-nope" })));
    expect(d.name).toBe("ResourceNotFound");
  });

  it("updates display name and description, moving LastModifiedTime", async () => {
    const before = await emu.client().send(new DescribeExperimentCommand({ ExperimentName: "tx-bravo" }));
    await sleep(20);
    await emu
      .client()
      .send(
        new UpdateExperimentCommand({ ExperimentName: "tx-bravo", DisplayName: "Bravo", Description: "b" }),
      );
    const after = await emu.client().send(new DescribeExperimentCommand({ ExperimentName: "tx-bravo" }));
    expect(after.DisplayName).toBe("Bravo");
    expect(after.Description).toBe("b");
    expect(after.LastModifiedTime!.getTime()).toBeGreaterThan(before.LastModifiedTime!.getTime());
    expect(after.CreationTime).toEqual(before.CreationTime);
  });

  it("lists every experiment exactly once across small pages", async () => {
    const names: string[] = [];
    for await (const page of paginateListExperiments({ client: emu.client(), pageSize: 3 }, {})) {
      expect(page.ExperimentSummaries!.length).toBeLessThanOrEqual(3);
      for (const s of page.ExperimentSummaries ?? []) names.push(s.ExperimentName!);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["tx-alpha", "tx-bravo", "tx-charlie"]));
    expect(names.length).toBeGreaterThanOrEqual(17 + 3);
    // the default page size is 10 and the default order is CreationTime descending
    const first = await emu.client().send(new ListExperimentsCommand({}));
    expect(first.ExperimentSummaries).toHaveLength(10);
    const times = first.ExperimentSummaries!.map((s) => s.CreationTime!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("sorts by name and by creation time in both orders, and filters by creation time", async () => {
    const after = new Date(Date.now() - 10 * 60_000);
    const list = async (SortBy: "Name" | "CreationTime", SortOrder: "Ascending" | "Descending") =>
      (
        await emu
          .client()
          .send(new ListExperimentsCommand({ SortBy, SortOrder, CreatedAfter: after, MaxResults: 100 }))
      )
        .ExperimentSummaries!.map((s) => s.ExperimentName!)
        .filter((n) => /^tx-(alpha|bravo|charlie)$/.test(n));
    expect(await list("Name", "Ascending")).toEqual(["tx-alpha", "tx-bravo", "tx-charlie"]);
    expect(await list("Name", "Descending")).toEqual(["tx-charlie", "tx-bravo", "tx-alpha"]);
    expect(await list("CreationTime", "Ascending")).toEqual(["tx-charlie", "tx-alpha", "tx-bravo"]);
    expect(await list("CreationTime", "Descending")).toEqual(["tx-bravo", "tx-alpha", "tx-charlie"]);
    const recent = await emu
      .client()
      .send(new ListExperimentsCommand({ CreatedAfter: after, MaxResults: 100 }));
    expect(recent.ExperimentSummaries!.every((s) => s.CreationTime! > after)).toBe(true);
    const old = await emu
      .client()
      .send(new ListExperimentsCommand({ CreatedBefore: after, MaxResults: 100 }));
    expect(old.ExperimentSummaries!.some((s) => s.ExperimentName!.startsWith("tx-"))).toBe(false);
    expect(old.ExperimentSummaries!.length).toBeGreaterThanOrEqual(17);
  });

  it("rejects bad list arguments and tampered tokens", async () => {
    for (const MaxResults of [0, 101]) {
      const e = await errorOf(emu.client().send(new ListExperimentsCommand({ MaxResults })));
      expect(e.name).toBe("ValidationException");
      expect(e.message).toContain("at 'maxResults'");
    }
    const sort = await errorOf(emu.client().send(new ListExperimentsCommand({ SortBy: "Size" as never })));
    expect(sort.message).toContain("Member must satisfy enum value set: [Name, CreationTime]");
    const order = await errorOf(emu.client().send(new ListExperimentsCommand({ SortOrder: "Up" as never })));
    expect(order.message).toContain("at 'sortOrder'");
    const page = await emu.client().send(new ListExperimentsCommand({ MaxResults: 2 }));
    expect(page.NextToken).toBeTruthy();
    const tampered = `${page.NextToken!.slice(0, -2)}xx`;
    const t = await errorOf(
      emu.client().send(new ListExperimentsCommand({ MaxResults: 2, NextToken: tampered })),
    );
    expect(t.name).toBe("ValidationException");
    // a token only continues the listing it came from
    const foreign = await errorOf(
      emu
        .client()
        .send(new ListExperimentsCommand({ MaxResults: 2, SortBy: "Name", NextToken: page.NextToken })),
    );
    expect(foreign.name).toBe("ValidationException");
  });
});

describe("trials", () => {
  beforeAll(async () => {
    for (const n of ["tx-trial-b", "tx-trial-a", "tx-trial-c"]) {
      await emu.client().send(new CreateTrialCommand({ TrialName: n, ExperimentName: "tx-charlie" }));
      await sleep(15);
    }
  });

  it("creates and describes a trial in an experiment", async () => {
    const r = await emu.client().send(
      new CreateTrialCommand({
        TrialName: "tx-trial-meta",
        ExperimentName: "tx-alpha",
        DisplayName: "Meta",
        MetadataProperties: { CommitId: "abc123", Repository: "git@example.com:ml.git" },
        Tags: [{ Key: "k", Value: "v" }],
      }),
    );
    expect(r.TrialArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:experiment-trial/tx-trial-meta");
    const d = await emu.client().send(new DescribeTrialCommand({ TrialName: "tx-trial-meta" }));
    expect(d.ExperimentName).toBe("tx-alpha");
    expect(d.DisplayName).toBe("Meta");
    expect(d.MetadataProperties).toEqual({ CommitId: "abc123", Repository: "git@example.com:ml.git" });
    expect(d.CreatedBy?.IamIdentity).toBeDefined();
  });

  it("needs an existing experiment and a unique name", async () => {
    const e = await errorOf(
      emu.client().send(new CreateTrialCommand({ TrialName: "tx-orphan", ExperimentName: "tx-none" })),
    );
    expect(e.name).toBe("ResourceNotFound");
    const dup = await errorOf(
      emu.client().send(new CreateTrialCommand({ TrialName: "tx-trial-a", ExperimentName: "tx-alpha" })),
    );
    expect(dup.name).toBe("ValidationException");
    expect(dup.message).toMatch(/already exists/);
    const missing = await errorOf(emu.client().send(new CreateTrialCommand({ TrialName: "tx-x" } as never)));
    expect(missing.message).toContain("Value null at 'experimentName'");
    const nf = await errorOf(emu.client().send(new DescribeTrialCommand({ TrialName: "tx-none" })));
    expect(nf.name).toBe("ResourceNotFound");
    expect(nf.message).toContain("experiment-trial/tx-none");
  });

  it("lists trials of an experiment in every order, paging each exactly once", async () => {
    const names = async (SortBy: "Name" | "CreationTime", SortOrder: "Ascending" | "Descending") =>
      (
        await emu.client().send(new ListTrialsCommand({ ExperimentName: "tx-charlie", SortBy, SortOrder }))
      ).TrialSummaries!.map((t) => t.TrialName);
    expect(await names("Name", "Ascending")).toEqual(["tx-trial-a", "tx-trial-b", "tx-trial-c"]);
    expect(await names("Name", "Descending")).toEqual(["tx-trial-c", "tx-trial-b", "tx-trial-a"]);
    expect(await names("CreationTime", "Ascending")).toEqual(["tx-trial-b", "tx-trial-a", "tx-trial-c"]);
    const all: string[] = [];
    for await (const p of paginateListTrials({ client: emu.client(), pageSize: 7 }, {})) {
      for (const t of p.TrialSummaries ?? []) all.push(t.TrialName!);
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(
      expect.arrayContaining(["tx-trial-a", "tx-trial-meta", "Default-Run-Group-churn-xgb-tuning"]),
    );
    const nf = await errorOf(emu.client().send(new ListTrialsCommand({ ExperimentName: "tx-none" })));
    expect(nf.name).toBe("ResourceNotFound");
  });

  it("updates a trial and refuses to delete a non-empty experiment", async () => {
    await emu.client().send(new UpdateTrialCommand({ TrialName: "tx-trial-c", DisplayName: "Charlie-c" }));
    expect((await emu.client().send(new DescribeTrialCommand({ TrialName: "tx-trial-c" }))).DisplayName).toBe(
      "Charlie-c",
    );
    const busy = await errorOf(
      emu.client().send(new DeleteExperimentCommand({ ExperimentName: "tx-charlie" })),
    );
    expect(busy.name).toBe("ValidationException");
    for (const n of ["tx-trial-a", "tx-trial-b", "tx-trial-c"])
      await emu.client().send(new DeleteTrialCommand({ TrialName: n }));
    const gone = await errorOf(emu.client().send(new DescribeTrialCommand({ TrialName: "tx-trial-a" })));
    expect(gone.name).toBe("ResourceNotFound");
    const del = await emu.client().send(new DeleteExperimentCommand({ ExperimentName: "tx-charlie" }));
    expect(del.ExperimentArn).toContain("experiment/tx-charlie");
    const after = await errorOf(
      emu.client().send(new DescribeExperimentCommand({ ExperimentName: "tx-charlie" })),
    );
    expect(after.name).toBe("ResourceNotFound");
  });
});
