/** CreatePipeline / UpdatePipeline / Describe / List / Delete / versions, and definition validation. */
import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  DescribePipelineCommand,
  ListPipelinesCommand,
  ListPipelineVersionsCommand,
  UpdatePipelineCommand,
  paginateListPipelines,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";
import { createPipeline, definition, processing, ROLE, token } from "./test-helpers";

const emu = emulatorFixture();

const create = (name: string, def: string) =>
  emu.client().send(
    new CreatePipelineCommand({
      PipelineName: name,
      PipelineDefinition: def,
      RoleArn: ROLE,
      ClientRequestToken: token(),
    }),
  );

describe("pipeline definitions", () => {
  it("creates, describes by name and ARN, and refuses duplicates", async () => {
    const def = definition([processing("A")]);
    const arn = await createPipeline(emu.client(), "t-def-basic", def, {
      PipelineDescription: "basic",
      ParallelismConfiguration: { MaxParallelExecutionSteps: 3 },
      Tags: [{ Key: "team", Value: "qa" }],
    });
    expect(arn).toBe("arn:aws:sagemaker:us-east-1:123456789012:pipeline/t-def-basic");
    for (const name of ["t-def-basic", arn]) {
      const d = await emu.client().send(new DescribePipelineCommand({ PipelineName: name }));
      expect(d.PipelineArn).toBe(arn);
      expect(d.PipelineDefinition).toBe(def);
      expect(d.PipelineStatus).toBe("Active");
      expect(d.RoleArn).toBe(ROLE);
      expect(d.ParallelismConfiguration?.MaxParallelExecutionSteps).toBe(3);
      expect(d.CreationTime).toBeInstanceOf(Date);
      expect(d.CreatedBy?.IamIdentity?.Arn).toContain("assumed-role");
    }
    const dup = await errorOf(create("t-def-basic", def));
    expect(dup.name).toBe("ValidationException");
    expect(dup.message).toBe(
      "Pipeline names must be unique within an AWS account and region. Pipeline with name (t-def-basic) already exists.",
    );
  });

  it("is idempotent on ClientRequestToken", async () => {
    const t = token();
    const def = definition([processing("A")]);
    const input = {
      PipelineName: "t-def-idem",
      PipelineDefinition: def,
      RoleArn: ROLE,
      ClientRequestToken: t,
    };
    const a = await emu.client().send(new CreatePipelineCommand(input));
    const b = await emu.client().send(new CreatePipelineCommand(input));
    expect(b.PipelineArn).toBe(a.PipelineArn);
    const other = await errorOf(
      emu.client().send(new CreatePipelineCommand({ ...input, PipelineDescription: "changed" })),
    );
    expect(other.name).toBe("ConflictException");
  });

  it("validates members in AWS's words", async () => {
    const bad = await errorOf(create("bad_name", definition([processing("A")])));
    expect(bad.name).toBe("ValidationException");
    expect(bad.message).toBe(
      "1 validation error detected: Value 'bad_name' at 'pipelineName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}",
    );
    const role = await errorOf(
      emu.client().send(
        new CreatePipelineCommand({
          PipelineName: "t-def-role",
          PipelineDefinition: definition([processing("A")]),
          RoleArn: "not-a-role-arn-at-all",
          ClientRequestToken: token(),
        }),
      ),
    );
    expect(role.message).toContain("at 'roleArn' failed to satisfy constraint");
    const none = await errorOf(
      emu.client().send(
        new CreatePipelineCommand({
          PipelineName: "t-def-none",
          RoleArn: ROLE,
          ClientRequestToken: token(),
        }),
      ),
    );
    expect(none.message).toBe("Either PipelineDefinition or PipelineDefinitionS3Location must be specified.");
  });

  it("rejects invalid definitions naming the culprit", async () => {
    const cases: [string, string][] = [
      ["{not json", "Invalid pipeline definition: the definition is not valid JSON"],
      [
        definition([{ Name: "X", Type: "Teleport", Arguments: {} }]),
        "Invalid pipeline definition: step 'X' has unknown step type 'Teleport'.",
      ],
      [
        definition([processing("A", { DependsOn: ["Ghost"] })]),
        "Invalid pipeline definition: step 'A' depends on step 'Ghost', which is not defined.",
      ],
      [
        definition([processing("A", {}, { Environment: { X: { Get: "Steps.Nope.ProcessingJobName" } } })]),
        "Invalid pipeline definition: step 'A' references step 'Nope', which is not defined.",
      ],
      [
        definition([processing("A", {}, { Environment: { X: { Get: "Parameters.Missing" } } })]),
        "Invalid pipeline definition: step 'A' references parameter 'Missing', which is not defined.",
      ],
      [
        definition([
          processing("A", { DependsOn: ["B"] }),
          processing("B", { DependsOn: ["C"] }),
          processing("C", { DependsOn: ["A"] }),
        ]),
        "Invalid pipeline definition: the steps have a dependency cycle: A -> B -> C -> A.",
      ],
      [
        definition([processing("A"), processing("A")]),
        "Invalid pipeline definition: duplicate step name 'A'.",
      ],
      [
        definition([
          {
            Name: "C",
            Type: "Condition",
            Arguments: {
              Conditions: [{ Type: "Roughly", LeftValue: 1, RightValue: 2 }],
              IfSteps: [],
              ElseSteps: [],
            },
          },
        ]),
        "Invalid pipeline definition: step 'C' has unknown condition type 'Roughly'.",
      ],
      [
        definition([processing("A", {}, { Environment: { X: { Get: "Execution.Tomorrow" } } })]),
        "Invalid pipeline definition: step 'A' references unknown execution variable 'Execution.Tomorrow'.",
      ],
    ];
    for (const [i, [def, message]] of cases.entries()) {
      const e = await errorOf(create(`t-def-invalid-${i}`, def));
      expect(e.name).toBe("ValidationException");
      expect(e.message.startsWith(message)).toBe(true);
    }
  });

  it("accepts a definition of 1,000 steps and refuses 1,001", async () => {
    const steps = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        Name: `S${i}`,
        Type: "Lambda",
        FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f",
        Arguments: {},
        ...(i > 0 ? { DependsOn: [`S${i - 1}`] } : {}),
      }));
    await createPipeline(emu.client(), "t-def-1000", definition(steps(1000)));
    const e = await errorOf(create("t-def-1001", definition(steps(1001))));
    expect(e.message).toBe(
      "Invalid pipeline definition: the definition has 1001 steps; the maximum is 1000.",
    );
  });

  it("versions definitions on update and lists versions", async () => {
    const v1 = definition([processing("A")]);
    const v2 = definition([processing("A"), processing("B")]);
    await createPipeline(emu.client(), "t-def-versions", v1);
    const u = await emu
      .client()
      .send(new UpdatePipelineCommand({ PipelineName: "t-def-versions", PipelineDefinition: v2 }));
    expect(u.PipelineVersionId).toBe(2);
    expect(
      (await emu.client().send(new DescribePipelineCommand({ PipelineName: "t-def-versions" })))
        .PipelineDefinition,
    ).toBe(v2);
    const old = await emu
      .client()
      .send(new DescribePipelineCommand({ PipelineName: "t-def-versions", PipelineVersionId: 1 }));
    expect(old.PipelineDefinition).toBe(v1);
    const list = await emu.client().send(new ListPipelineVersionsCommand({ PipelineName: "t-def-versions" }));
    expect(list.PipelineVersionSummaries?.map((x) => x.PipelineVersionId)).toEqual([2, 1]);
    const invalid = await errorOf(
      emu.client().send(
        new UpdatePipelineCommand({
          PipelineName: "t-def-versions",
          PipelineDefinition: definition([processing("A"), processing("A")]),
        }),
      ),
    );
    expect(invalid.name).toBe("ValidationException");
    const missing = await errorOf(
      emu
        .client()
        .send(new DescribePipelineCommand({ PipelineName: "t-def-versions", PipelineVersionId: 9 })),
    );
    expect(missing.name).toBe("ResourceNotFound");
  });

  it("lists with prefix, sort and pagination, every pipeline exactly once", async () => {
    for (const n of ["t-list-c", "t-list-a", "t-list-b"])
      await createPipeline(emu.client(), n, definition([processing("A")]));
    const byName = await emu
      .client()
      .send(
        new ListPipelinesCommand({ PipelineNamePrefix: "t-list", SortBy: "Name", SortOrder: "Ascending" }),
      );
    expect(byName.PipelineSummaries?.map((p) => p.PipelineName)).toEqual([
      "t-list-a",
      "t-list-b",
      "t-list-c",
    ]);
    const byTime = await emu
      .client()
      .send(new ListPipelinesCommand({ PipelineNamePrefix: "t-list", SortOrder: "Descending" }));
    expect(byTime.PipelineSummaries?.map((p) => p.PipelineName)).toEqual([
      "t-list-b",
      "t-list-a",
      "t-list-c",
    ]);
    const seen: string[] = [];
    for await (const page of paginateListPipelines({ client: emu.client(), pageSize: 2 }, {})) {
      expect((page.PipelineSummaries ?? []).length).toBeLessThanOrEqual(2);
      for (const p of page.PipelineSummaries ?? []) seen.push(p.PipelineName ?? "");
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(["t-list-a", "t-list-b", "t-list-c", "t-def-basic"]));
    const tampered = await errorOf(
      emu.client().send(new ListPipelinesCommand({ MaxResults: 1, NextToken: "abc.def" })),
    );
    expect(tampered.name).toBe("ValidationException");
    const tooMany = await errorOf(emu.client().send(new ListPipelinesCommand({ MaxResults: 101 })));
    expect(tooMany.name).toBe("ValidationException");
  });

  it("deletes, after which the pipeline is not found", async () => {
    await createPipeline(emu.client(), "t-def-delete", definition([processing("A")]));
    const d = await emu
      .client()
      .send(new DeletePipelineCommand({ PipelineName: "t-def-delete", ClientRequestToken: token() }));
    expect(d.PipelineArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:pipeline/t-def-delete");
    const e = await errorOf(emu.client().send(new DescribePipelineCommand({ PipelineName: "t-def-delete" })));
    expect(e.name).toBe("ResourceNotFound");
    expect(e.message).toBe(
      "Pipeline 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/t-def-delete' does not exist.",
    );
  });
});
