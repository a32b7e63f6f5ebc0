/**
 * Who started the seeded executions, as DescribePipelineExecution reports it (CreatedBy / LastModifiedBy,
 * reference §1 pipelines): people for hand-run solutions, CI/CD and scheduler roles for automated ones —
 * and Search over PipelineExecution carries the same CreatedBy.
 */
import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  SearchCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { SOLUTIONS } from "../../seed/org";

const emu = emulatorFixture();

async function newest(pipeline: string, n: number) {
  const r = await emu
    .client()
    .send(
      new ListPipelineExecutionsCommand({ PipelineName: pipeline, SortOrder: "Descending", MaxResults: n }),
    );
  return Promise.all(
    (r.PipelineExecutionSummaries ?? []).map((x) =>
      emu
        .client()
        .send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: x.PipelineExecutionArn })),
    ),
  );
}

describe("seeded execution creators", () => {
  it("hand-run solutions: every execution was started by one of the team's scientists", async () => {
    for (const s of SOLUTIONS.filter((x) => x.pipelineStarts === "byHand"))
      for (const p of s.pipelines)
        for (const d of await newest(p.name, 10)) {
          expect(s.scientists).toContain(d.CreatedBy?.UserProfileName);
          expect(d.CreatedBy?.IamIdentity).toBeUndefined();
          expect(d.LastModifiedBy).toBeDefined();
        }
  });

  it("automated solutions: most recent executions were started by a CodeBuild or Scheduler role", async () => {
    const automated = SOLUTIONS.filter((x) => x.pipelineStarts === "automated");
    expect(automated.map((s) => s.phase).sort()).toEqual(["Reliable", "Scalable", "Scalable"]);
    for (const s of automated)
      for (const p of s.pipelines) {
        const described = await newest(p.name, 10);
        const roles = described.flatMap((d) =>
          d.CreatedBy?.IamIdentity?.Arn ? [d.CreatedBy.IamIdentity.Arn] : [],
        );
        expect(roles.length, p.name).toBeGreaterThanOrEqual(6);
        for (const arn of roles) {
          expect(arn).toMatch(
            new RegExp(
              `^arn:aws:sts::\\d{12}:assumed-role/(codebuild|eventbridge-scheduler)-${s.team}-[^/]+/[^/]+$`,
            ),
          );
          const d = described.find((x) => x.CreatedBy?.IamIdentity?.Arn === arn);
          expect(d?.CreatedBy?.UserProfileName).toBeUndefined();
          expect(d?.CreatedBy?.IamIdentity?.PrincipalId).toMatch(/^AROA[0-9A-Z]+:/);
        }
        expect(roles.some((a) => a.includes("/codebuild-"))).toBe(true);
        expect(roles.some((a) => a.includes("/eventbridge-scheduler-"))).toBe(true);
      }
  });

  it("Search over PipelineExecution returns the same CreatedBy as DescribePipelineExecution", async () => {
    const p = SOLUTIONS.find((s) => s.key === "fraud-detection")?.pipelines[0];
    if (!p) throw new Error("no fraud pipeline in the seed");
    const described = await newest(p.name, 5);
    const arn = described[0]?.PipelineArn ?? "";
    const r = await emu.client().send(
      new SearchCommand({
        Resource: "PipelineExecution",
        SearchExpression: { Filters: [{ Name: "PipelineArn", Operator: "Equals", Value: arn }] },
        SortBy: "CreationTime",
        SortOrder: "Descending",
        MaxResults: 5,
      }),
    );
    expect(r.Results?.map((x) => x.PipelineExecution?.CreatedBy)).toEqual(described.map((d) => d.CreatedBy));
  });
});
