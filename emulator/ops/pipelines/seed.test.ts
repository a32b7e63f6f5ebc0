/** The seeded pipeline history is consistent: every execution, step, job and model version links up. */
import {
  DescribeModelPackageCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTrialCommand,
  ListModelPackagesCommand,
  ListPipelinesCommand,
  ListPipelineVersionsCommand,
  paginateListPipelineExecutions,
  SearchCommand,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-sagemaker";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { SOLUTIONS } from "../../seed/org";
import { start, steps, waitFor } from "./test-helpers";

const emu = emulatorFixture();
const specs = SOLUTIONS.flatMap((s) => s.pipelines);
const reportsOnly = new Set(
  SOLUTIONS.filter((s) => s.metricsInReportsOnly).flatMap((s) => s.pipelines.map((p) => p.name)),
);

/** The version's ModelMetrics report, read over the emulator's S3 REST API as the dashboard will. */
async function report(uri: string | undefined): Promise<Record<string, Record<string, { value: number }>>> {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri ?? "");
  const s3 = new S3Client({
    endpoint: emu.handle().endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const out = await s3.send(new GetObjectCommand({ Bucket: m?.[1], Key: m?.[2] }));
  return JSON.parse((await out.Body?.transformToString()) ?? "") as Record<
    string,
    Record<string, { value: number }>
  >;
}
const executions = new Map<string, PipelineExecutionSummary[]>();

beforeAll(async () => {
  for (const p of specs) {
    const list: PipelineExecutionSummary[] = [];
    for await (const page of paginateListPipelineExecutions(
      { client: emu.client(), pageSize: 100 },
      { PipelineName: p.name },
    ))
      list.push(...(page.PipelineExecutionSummaries ?? []));
    executions.set(p.name, list);
  }
}, 120_000);

describe("seeded pipeline history", () => {
  it("has every org pipeline, ≥300 finished executions with failures and stops, over months", async () => {
    const listed = await emu.client().send(new ListPipelinesCommand({ MaxResults: 100 }));
    const names = (listed.PipelineSummaries ?? []).map((p) => p.PipelineName);
    expect(specs.length).toBeGreaterThanOrEqual(6);
    for (const p of specs) expect(names).toContain(p.name);
    const all = [...executions.values()].flat();
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const p of specs) expect(executions.get(p.name)?.length).toBe(p.executions);
    const statuses = new Set(all.map((e) => e.PipelineExecutionStatus));
    expect([...statuses].sort()).toEqual(["Failed", "Stopped", "Succeeded"]);
    const reasons = all.map((e) => e.PipelineExecutionFailureReason ?? "");
    expect(reasons.some((r) => /is below the threshold/.test(r))).toBe(true);
    expect(reasons.some((r) => r === "Step failure: One or multiple steps failed.")).toBe(true);
    const times = all.map((e) => e.StartTime!.getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(120 * 86_400_000);
    const versions = await emu
      .client()
      .send(new ListPipelineVersionsCommand({ PipelineName: specs[0]!.name }));
    expect(versions.PipelineVersionSummaries?.length).toBe(2);
  });

  it("links every step to a job that exists and every registered version back to its execution", async () => {
    let checked = 0;
    for (const p of specs) {
      for (const e of executions.get(p.name) ?? []) {
        const arn = e.PipelineExecutionArn ?? "";
        const s = await steps(emu.client(), arn);
        expect(s.has("Preprocess")).toBe(true);
        for (const st of s.values()) {
          expect(st.StepStatus).not.toBe("Executing");
          const training = st.Metadata?.TrainingJob?.Arn;
          const processing = st.Metadata?.ProcessingJob?.Arn;
          if (training) {
            const job = await emu
              .client()
              .send(new DescribeTrainingJobCommand({ TrainingJobName: training.split("/").pop() }));
            expect(job.TrainingJobArn).toBe(training);
            if (st.StepStatus === "Succeeded") expect(job.TrainingJobStatus).toBe("Completed");
            if (st.StepStatus === "Failed") expect(job.FailureReason).toBe(st.FailureReason);
          }
          if (processing) {
            const job = await emu
              .client()
              .send(new DescribeProcessingJobCommand({ ProcessingJobName: processing.split("/").pop() }));
            expect(job.ProcessingJobArn).toBe(processing);
          }
        }
        const registered = s.get("RegisterModel")?.Metadata?.RegisterModel?.Arn;
        if (e.PipelineExecutionStatus === "Succeeded") expect(registered).toBeDefined();
        if (registered) {
          const pkg = await emu
            .client()
            .send(new DescribeModelPackageCommand({ ModelPackageName: registered }));
          expect(pkg.MetadataProperties?.GeneratedBy).toBe(arn);
          expect(pkg.ModelPackageGroupName).toBe(p.modelPackageGroup);
          expect(pkg.ModelMetrics?.ModelQuality?.Statistics?.ContentType).toBe("application/json");
          const doc = await report(pkg.ModelMetrics?.ModelQuality?.Statistics?.S3Uri);
          const reported = p.gate.metric === "auc" ? doc.binary_classification_metrics : doc.metrics;
          expect(reported?.[p.gate.metric]?.value).toBeGreaterThanOrEqual(p.gate.threshold);
          if (reportsOnly.has(p.name))
            expect(
              Object.keys(pkg.CustomerMetadataProperties ?? {}).filter((k) => k.startsWith("metric:")),
            ).toEqual([]);
          else
            expect(Number(pkg.CustomerMetadataProperties?.[`metric:${p.gate.metric}`])).toBe(
              reported?.[p.gate.metric]?.value,
            );
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(300);
  }, 120_000);

  it("has a trial per execution in the pipeline's experiment, and versions that point at real executions", async () => {
    const p = specs[0]!;
    const e = executions.get(p.name)?.[0];
    const id = e?.PipelineExecutionArn?.split("/").pop() ?? "";
    const trial = await emu.client().send(new DescribeTrialCommand({ TrialName: id }));
    expect(trial.ExperimentName).toBe(p.name);
    const pkgs = await emu
      .client()
      .send(new ListModelPackagesCommand({ ModelPackageGroupName: p.modelPackageGroup, MaxResults: 100 }));
    const arns = new Set((executions.get(p.name) ?? []).map((x) => x.PipelineExecutionArn));
    let linked = 0;
    for (const s of pkgs.ModelPackageSummaryList ?? []) {
      const d = await emu
        .client()
        .send(new DescribeModelPackageCommand({ ModelPackageName: s.ModelPackageArn }));
      const by = d.MetadataProperties?.GeneratedBy ?? "";
      if (by.includes(":pipeline/")) {
        expect(arns.has(by)).toBe(true);
        linked++;
      }
    }
    expect(linked).toBeGreaterThan(10);
  });

  it("runs every seeded pipeline with its default parameters to a registered model", async () => {
    const arns = await Promise.all(specs.map((p) => start(emu.client(), p.name)));
    for (const [i, arn] of arns.entries()) {
      expect(await waitFor(emu.client(), arn, undefined, 30_000), specs[i]!.name).toBe("Succeeded");
      expect((await steps(emu.client(), arn)).get("RegisterModel")?.Metadata?.RegisterModel?.Arn).toContain(
        `:model-package/${specs[i]!.modelPackageGroup}/`,
      );
    }
  }, 60_000);

  it("finds fraud-detection versions through Search with their ModelMetrics report and no metric:* metadata", async () => {
    const groups = SOLUTIONS.filter((x) => x.metricsInReportsOnly).flatMap((x) => x.pipelines);
    expect(groups.length).toBeGreaterThan(0);
    for (const p of groups) {
      const out = await emu.client().send(
        new SearchCommand({
          Resource: "ModelPackage",
          SearchExpression: {
            Filters: [{ Name: "ModelPackageGroupName", Operator: "Equals", Value: p.modelPackageGroup }],
          },
          MaxResults: 100,
        }),
      );
      const pkgs = (out.Results ?? []).map((r) => r.ModelPackage);
      expect(pkgs.length).toBeGreaterThanOrEqual(12);
      for (const pkg of pkgs) {
        expect(pkg?.ModelMetrics?.ModelQuality?.Statistics?.S3Uri).toMatch(/^s3:\/\/.+\.json$/);
        expect(
          Object.keys(pkg?.CustomerMetadataProperties ?? {}).filter((k) => k.startsWith("metric:")),
        ).toEqual([]);
      }
      const doc = await report(pkgs[0]?.ModelMetrics?.ModelQuality?.Statistics?.S3Uri);
      expect(doc.binary_classification_metrics?.[p.gate.metric]?.value).toBeGreaterThan(0);
    }
  });
});
