/**
 * Step logs benchmark (run: npx tsx bench/step-logs.ts): a pipeline whose training step writes a 100,000-line
 * stream (a PyTorch-style script: 10 epochs × 10,000 progress lines), then through lib/pipelines/logs like the
 * route: time to the first lines (the tail page), paging earlier, a server-side filter over the whole stream, and
 * the memory the app and the emulator use meanwhile (the app never holds more than a page).
 */
import { call, fmt, spawnEmulator, time } from "./lib";
import { figure } from "./report";

const ROLE = "arn:aws:iam::123456789012:role/SageMakerPipelines";
const definition = {
  Version: "2020-12-01",
  Parameters: [],
  Steps: [
    {
      Name: "Train",
      Type: "Training",
      Arguments: {
        AlgorithmSpecification: {
          TrainingImage: "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1-cpu-py310",
          TrainingInputMode: "File",
        },
        RoleArn: ROLE,
        OutputDataConfig: { S3OutputPath: "s3://bench-logs/output" },
        ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 86400 },
        HyperParameters: { epochs: "10", "batch-size": "6", "log-interval": "1" },
        InputDataConfig: [
          {
            ChannelName: "train",
            DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://bench-logs/mnist" } },
          },
        ],
      },
    },
  ],
};

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

async function main() {
  const emu = await spawnEmulator({ EMULATOR_SPEED: "50" });
  process.env.SAGEMAKER_ENDPOINT = emu.endpoint;
  process.env.SAGEMAKER_CACHE_TTL_MS = "0";
  try {
    await call(emu.endpoint, "CreatePipeline", {
      PipelineName: "bench-logs",
      RoleArn: ROLE,
      PipelineDefinition: JSON.stringify(definition),
      ClientRequestToken: "bench-logs-create-000000000000000000000",
    });
    const { PipelineExecutionArn: arn } = await call<{ PipelineExecutionArn: string }>(
      emu.endpoint,
      "StartPipelineExecution",
      {
        PipelineName: "bench-logs",
        ClientRequestToken: "bench-logs-start-0000000000000000000000",
      },
    );
    for (let i = 0; i < 600; i++) {
      const d = await call<{ PipelineExecutionStatus: string }>(emu.endpoint, "DescribePipelineExecution", {
        PipelineExecutionArn: arn,
      });
      if (d.PipelineExecutionStatus !== "Executing") break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const id = arn.split("/").pop() ?? "";
    const { getStepLogs } = await import("@/lib/pipelines/logs");
    const appBefore = rssMb();
    const emuBefore = emu.rssMb();
    const t0 = performance.now();
    const first = await getStepLogs("bench-logs", id, "Train", { limit: 200 });
    const firstMs = performance.now() - t0;
    if (first.lines.length !== 200) throw new Error(`expected 200 lines, got ${first.lines.length}`);
    const whole = await getStepLogs("bench-logs", id, "Train", { limit: 1, filter: '"Train Epoch"' });
    let token = first.backwardToken;
    const t1 = performance.now();
    for (let i = 0; i < 5; i++)
      token = (await getStepLogs("bench-logs", id, "Train", { limit: 200, token })).backwardToken;
    const earlierMs = (performance.now() - t1) / 5;
    const tail = await time(() => getStepLogs("bench-logs", id, "Train", { limit: 200 }), 20, 2);
    const filterT = await time(
      () => getStepLogs("bench-logs", id, "Train", { limit: 200, filter: "Epoch -Train" }),
      5,
      1,
    );
    const appAfter = rssMb();
    const emuAfter = emu.rssMb();
    console.log(
      `stream: ${first.stream} (tail: "${first.lines.at(-1)?.message}"; first match "${whole.lines[0]?.message}")`,
    );
    console.log(
      `first lines (cold, 200 of ~100,010): ${fmt(firstMs)}; tail page p50 ${fmt(tail.p50)}, p95 ${fmt(tail.p95)}`,
    );
    console.log(`load earlier (200 lines): ${fmt(earlierMs)} per page`);
    console.log(`server-side filter over the whole stream: p50 ${fmt(filterT.p50)}, p95 ${fmt(filterT.p95)}`);
    console.log(
      `memory: app ${appBefore} → ${appAfter} MB RSS; emulator ${emuBefore ?? "?"} → ${emuAfter ?? "?"} MB RSS`,
    );
    figure({
      bench: "step-logs",
      name: "100k-line stream: first lines (cold)",
      value: firstMs,
      unit: "ms",
      goal: { max: 1000 },
    });
    figure({
      bench: "step-logs",
      name: "100k-line stream: tail page p95",
      value: tail.p95,
      unit: "ms",
      goal: { max: 500 },
    });
    figure({
      bench: "step-logs",
      name: "100k-line stream: load earlier per page",
      value: earlierMs,
      unit: "ms",
    });
    figure({ bench: "step-logs", name: "100k-line stream: filter p95", value: filterT.p95, unit: "ms" });
    figure({
      bench: "step-logs",
      name: "app RSS growth while reading",
      value: appAfter - appBefore,
      unit: "MB",
    });
    figure({
      bench: "step-logs",
      name: "emulator RSS growth while serving",
      value: (emuAfter ?? 0) - (emuBefore ?? 0),
      unit: "MB",
    });
  } finally {
    await emu.stop();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
