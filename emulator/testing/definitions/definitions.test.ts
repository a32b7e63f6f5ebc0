/**
 * Pipeline definitions collected from public repositories (see each <name>.source.md) run on the emulator as they
 * would on SageMaker: each is created, started with its default parameters, and must run every step in dependency
 * order and finish the way its own logic says (Succeeded, or Failed at the Fail step its condition reaches).
 * Callback steps are answered as the external system would answer them (SendPipelineExecutionStepSuccess with the
 * step's token and its declared outputs).
 */
import fs from "node:fs";
import path from "node:path";
import {
  CreatePipelineCommand,
  DescribeModelPackageCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  ListPipelineExecutionsCommand,
  SendPipelineExecutionStepSuccessCommand,
  StartPipelineExecutionCommand,
  type PipelineExecutionStep,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../fixture";
import { definitionSteps } from "./graph";

const DIR = __dirname;
const ROLE = "arn:aws:iam::123456789012:role/SageMakerPipelineRole";
const emu = emulatorFixture({ env: { EMULATOR_SPEED: "2000" } });

interface Expectation {
  status: "Succeeded" | "Failed";
  /** for Failed: the Fail step that ends the run, and the message its ErrorMessage evaluates to */
  failedAt?: { step: string; message: string };
  /** for Failed without a Fail step: the steps that fail (each with CreateProcessingJob's missing-role error) */
  failures?: string[];
  /** values for parameters the definition declares without a default (SageMaker requires them at start) */
  params?: Record<string, string>;
}

const EXPECTED: Record<string, Expectation> = {
  // mse from the evaluation report ≤ MseThreshold (6.0): register, create the model, batch transform
  "abalone-build-train-deploy": { status: "Succeeded" },
  "abalone-preprocess": { status: "Succeeded" },
  "airflow-nested-conditions": { status: "Succeeded" },
  "aws-samples-dynamic-framework": { status: "Succeeded" },
  "fraud-batch-inference": { status: "Succeeded" },
  "sdk-callback-outputs": { status: "Succeeded", params: { MyStr: "demo" } },
  "sdk-condition-fail-join": {
    status: "Failed",
    failedAt: { step: "FailStep", message: "Failed due to xxx == yyy returns: false" },
  },
  "sdk-data-bias-check": { status: "Succeeded" },
  "sdk-data-quality-check": { status: "Succeeded" },
  "sdk-emr-steps": { status: "Succeeded", params: { MyStr: "demo" } },
  "sdk-lambda-outputs": { status: "Succeeded", params: { MyStr: "demo" } },
  // the template gives its Processing steps no RoleArn, which CreateProcessingJob requires: every step fails
  "sn-infra-feature-train-eval": {
    status: "Failed",
    failures: ["FeatureSelection", "Training", "Evaluation"],
  },
};

const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

async function listSteps(client: SageMakerClient, arn: string): Promise<PipelineExecutionStep[]> {
  const out = await client.send(
    new ListPipelineExecutionStepsCommand({
      PipelineExecutionArn: arn,
      MaxResults: 100,
      SortOrder: "Ascending",
    }),
  );
  return out.PipelineExecutionSteps ?? [];
}

/** Waits for the end, answering callback steps as their external system would. */
async function runToEnd(
  client: SageMakerClient,
  arn: string,
  outputs: Map<string, string[]>,
): Promise<string> {
  const answered = new Set<string>();
  const until = Date.now() + 60_000;
  for (;;) {
    const d = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    const status = d.PipelineExecutionStatus ?? "";
    if (["Succeeded", "Failed", "Stopped"].includes(status)) return status;
    for (const s of await listSteps(client, arn)) {
      const token = s.Metadata?.Callback?.CallbackToken;
      if (s.StepStatus !== "Executing" || !token || answered.has(token)) continue;
      answered.add(token);
      await client.send(
        new SendPipelineExecutionStepSuccessCommand({
          CallbackToken: token,
          OutputParameters: (outputs.get(s.StepName ?? "") ?? []).map((Name) => ({
            Name,
            Value: `${Name}-value`,
          })),
        }),
      );
    }
    if (Date.now() > until) throw new Error(`execution still ${status} after 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function declaredOutputs(definition: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const steps = (definition as { Steps?: { Name: string; OutputParameters?: { OutputName: string }[] }[] })
    .Steps;
  for (const s of steps ?? [])
    out.set(
      s.Name,
      (s.OutputParameters ?? []).map((o) => o.OutputName),
    );
  return out;
}

describe("public pipeline definitions", () => {
  it("are at least eight, each with its source note and an expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      expect(fs.existsSync(path.join(DIR, `${f}.source.md`)), `${f}.source.md`).toBe(true);
      expect(EXPECTED[f], `expectation for ${f}`).toBeDefined();
    }
  });

  it.each(files)("%s runs every step in dependency order and ends as its logic says", async (name) => {
    const client = emu.client();
    const text = fs.readFileSync(path.join(DIR, `${name}.json`), "utf8");
    const definition = JSON.parse(text) as unknown;
    const expected = EXPECTED[name]!;
    await client.send(
      new CreatePipelineCommand({
        PipelineName: name,
        PipelineDefinition: text,
        RoleArn: ROLE,
        ClientRequestToken: `create-${name}`.padEnd(32, "x"),
      }),
    );
    const started = await client.send(
      new StartPipelineExecutionCommand({
        PipelineName: name,
        PipelineParameters: Object.entries(expected.params ?? {}).map(([Name, Value]) => ({ Name, Value })),
        ClientRequestToken: `start-${name}`.padEnd(32, "x"),
      }),
    );
    const arn = started.PipelineExecutionArn ?? "";
    const status = await runToEnd(client, arn, declaredOutputs(definition));
    const ran = new Map((await listSteps(client, arn)).map((s) => [s.StepName ?? "", s]));
    const failures = [...ran.values()].filter((s) => s.StepStatus !== "Succeeded");
    expect(
      { status, failures: failures.map((s) => `${s.StepName}: ${s.FailureReason ?? s.StepStatus}`).sort() },
      name,
    ).toEqual({
      status: expected.status,
      failures: expected.failedAt
        ? [`${expected.failedAt.step}: ${expected.failedAt.message}`]
        : (expected.failures ?? [])
            .map(
              (s) =>
                `${s}: ValidationException: 1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null`,
            )
            .sort(),
    });

    const graph = definitionSteps(definition as never);
    // every step ran, except those in the branch a Condition did not take (and, on failure, those after it)
    const taken = (step: string): boolean => {
      const p = graph.get(step)?.parent;
      if (!p) return true;
      const outcome = ran.get(p.condition)?.Metadata?.Condition?.Outcome;
      return taken(p.condition) && (outcome === "True") === (p.branch === "IfSteps");
    };
    const shouldRun = [...graph.keys()].filter(taken).sort();
    if (expected.status === "Succeeded") expect([...ran.keys()].sort()).toEqual(shouldRun);
    else for (const s of ran.keys()) expect(shouldRun).toContain(s);
    // in dependency order: each step started after everything it waits for ended
    for (const [stepName, s] of ran) {
      for (const dep of graph.get(stepName)?.deps ?? []) {
        const d = ran.get(dep);
        expect(d, `${stepName} ran without ${dep}`).toBeDefined();
        expect(
          d?.EndTime?.getTime() ?? Infinity,
          `${dep} ends before ${stepName} starts`,
        ).toBeLessThanOrEqual(s.StartTime?.getTime() ?? 0);
      }
    }
  });

  it("abalone: the registered version's ModelMetrics report is the evaluation the condition read, and a stricter threshold fails at the Fail step", async () => {
    const client = emu.client();
    const name = "abalone-build-train-deploy";
    const { PipelineExecutionSummaries: runs } = await client.send(
      new ListPipelineExecutionsCommand({ PipelineName: name }),
    );
    const first = runs?.find((r) => r.PipelineExecutionStatus === "Succeeded")?.PipelineExecutionArn ?? "";
    const steps = await listSteps(client, first);
    const registered = steps.find((s) => s.StepName === "AbaloneRegisterModel-RegisterModel")?.Metadata
      ?.RegisterModel?.Arn;
    const pkg = await client.send(new DescribeModelPackageCommand({ ModelPackageName: registered }));
    const uri = pkg.ModelMetrics?.ModelQuality?.Statistics?.S3Uri ?? "";
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    const s3 = new S3Client({
      endpoint: emu.handle().endpoint,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const body = await (
      await s3.send(new GetObjectCommand({ Bucket: m?.[1], Key: m?.[2] }))
    ).Body?.transformToString();
    const report = JSON.parse(body ?? "{}") as { regression_metrics?: { mse?: { value: number } } };
    const mse = report.regression_metrics?.mse?.value ?? NaN;
    expect(mse).toBeGreaterThanOrEqual(0);
    expect(mse).toBeLessThanOrEqual(6);
    expect(pkg.CustomerMetadataProperties).toBeUndefined();

    const strict = await client.send(
      new StartPipelineExecutionCommand({
        PipelineName: name,
        PipelineParameters: [{ Name: "MseThreshold", Value: String(mse / 2) }],
        ClientRequestToken: `strict-${name}`.padEnd(32, "x"),
      }),
    );
    const arn = strict.PipelineExecutionArn ?? "";
    expect(await runToEnd(client, arn, new Map())).toBe("Failed");
    const ran = new Map((await listSteps(client, arn)).map((s) => [s.StepName ?? "", s]));
    expect(ran.get("AbaloneMSECond")?.Metadata?.Condition?.Outcome).toBe("False");
    expect(ran.get("AbaloneMSEFail")?.FailureReason).toBe(`Execution failed due to MSE > ${mse / 2}`);
    expect(ran.has("AbaloneRegisterModel-RegisterModel")).toBe(false);
  });
});
