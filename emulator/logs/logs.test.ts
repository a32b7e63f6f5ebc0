/** CloudWatch Logs through @aws-sdk/client-cloudwatch-logs: groups, streams, tokens, filter patterns, errors. */
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type OutputLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";
import { expectError, waitFor } from "../ops/registry/test-helpers";

const emu = emulatorFixture();
const TRAINING = "/aws/sagemaker/TrainingJobs";
const logs = (key = "test") =>
  new CloudWatchLogsClient({
    endpoint: emu.handle().endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: key, secretAccessKey: "x" },
    maxAttempts: 1,
  });

async function seededJob(status: "Failed" | "Completed") {
  const r = await emu
    .client()
    .send(new ListTrainingJobsCommand({ StatusEquals: status, NameContains: "pipelines-", MaxResults: 100 }));
  const name = r.TrainingJobSummaries?.[r.TrainingJobSummaries.length - 1]?.TrainingJobName;
  if (!name) throw new Error(`no ${status} seeded training job`);
  return emu.client().send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
}

async function streamOf(job: string): Promise<string> {
  const r = await logs().send(
    new DescribeLogStreamsCommand({ logGroupName: TRAINING, logStreamNamePrefix: `${job}/` }),
  );
  const name = r.logStreams?.[0]?.logStreamName;
  if (!name) throw new Error(`no stream for ${job}`);
  return name;
}

describe("CloudWatch Logs", () => {
  it("lists the SageMaker log groups with prefix and paging", async () => {
    const all = await logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/sagemaker/" }));
    const names = all.logGroups?.map((g) => g.logGroupName) ?? [];
    expect(names).toContain(TRAINING);
    expect(names).toContain("/aws/sagemaker/ProcessingJobs");
    const first = await logs().send(new DescribeLogGroupsCommand({ limit: 1 }));
    expect(first.logGroups).toHaveLength(1);
    const second = await logs().send(new DescribeLogGroupsCommand({ limit: 1, nextToken: first.nextToken }));
    expect(second.logGroups?.[0]?.logGroupName).not.toBe(first.logGroups?.[0]?.logGroupName);
    expect(first.logGroups?.[0]?.arn).toMatch(/^arn:aws:logs:us-east-1:123456789012:log-group:.+:\*$/);
  });

  it("a failed seeded training job ends on a traceback naming its FailureReason", async () => {
    const job = await seededJob("Failed");
    const stream = await streamOf(job.TrainingJobName ?? "");
    expect(stream).toMatch(new RegExp(`^${job.TrainingJobName}/algo-1-\\d{10}$`));
    const r = await logs().send(
      new GetLogEventsCommand({ logGroupName: TRAINING, logStreamName: stream, limit: 10 }),
    );
    const text = (r.events ?? []).map((e) => e.message).join("\n");
    expect(text).toContain("Traceback (most recent call last):");
    expect(text).toContain(job.FailureReason ?? "?");
    expect(r.events?.at(-1)?.message).toBe("ERROR:sagemaker-containers:Reporting training FAILURE");
  });

  it("a completed training job's last round prints its final metrics", async () => {
    const job = await seededJob("Completed");
    const stream = await streamOf(job.TrainingJobName ?? "");
    const r = await logs().send(
      new FilterLogEventsCommand({
        logGroupName: TRAINING,
        logStreamNames: [stream],
        filterPattern: '"#011validation-"',
      }),
    );
    const last = r.events?.at(-1)?.message ?? "";
    const auc = job.FinalMetricDataList?.find((m) => m.MetricName?.startsWith("validation:"));
    expect(auc).toBeDefined();
    expect(last).toContain(
      `${auc?.MetricName?.replace(":", "-")}:${Math.round((auc?.Value ?? 0) * 100000) / 100000}`,
    );
    expect(r.events?.length).toBeGreaterThan(10);
  });

  it("pages a stream forward and backward with the service's token semantics", async () => {
    const stream = await streamOf((await seededJob("Completed")).TrainingJobName ?? "");
    const base = { logGroupName: TRAINING, logStreamName: stream };
    const whole = await logs().send(new GetLogEventsCommand({ ...base, startFromHead: true }));
    const all = whole.events ?? [];
    expect(all.length).toBeGreaterThan(20);
    const forward: OutputLogEvent[] = [];
    let token: string | undefined;
    let page = await logs().send(new GetLogEventsCommand({ ...base, startFromHead: true, limit: 7 }));
    for (let i = 0; i < 1000 && (page.events?.length ?? 0) > 0; i++) {
      forward.push(...(page.events ?? []));
      token = page.nextForwardToken;
      page = await logs().send(new GetLogEventsCommand({ ...base, nextToken: token, limit: 7 }));
    }
    expect(forward.map((e) => e.message)).toEqual(all.map((e) => e.message));
    // at the end: no events, and the same forward token comes back
    expect(page.nextForwardToken).toBe(token);
    expect(token).toMatch(/^f\/\d{56}\/s$/);
    // the default (no token) is the stream's tail; its backward token walks to the head
    const tail = await logs().send(new GetLogEventsCommand({ ...base, limit: 5 }));
    expect(tail.events?.map((e) => e.message)).toEqual(all.slice(-5).map((e) => e.message));
    const back = await logs().send(
      new GetLogEventsCommand({ ...base, limit: 5, nextToken: tail.nextBackwardToken }),
    );
    expect(back.events?.map((e) => e.message)).toEqual(all.slice(-10, -5).map((e) => e.message));
    const head = await logs().send(new GetLogEventsCommand({ ...base, startFromHead: true, limit: 3 }));
    const before = await logs().send(new GetLogEventsCommand({ ...base, nextToken: head.nextBackwardToken }));
    expect(before.events).toEqual([]);
    expect(before.nextBackwardToken).toBe(head.nextBackwardToken);
    // time bounds: startTime inclusive, endTime exclusive
    const mid = all[Math.floor(all.length / 2)]?.timestamp ?? 0;
    const bounded = await logs().send(
      new GetLogEventsCommand({ ...base, startTime: mid, endTime: mid + 1, startFromHead: true }),
    );
    expect(bounded.events?.length).toBeGreaterThan(0);
    expect(bounded.events?.every((e) => e.timestamp === mid)).toBe(true);
    await expectError(
      logs().send(new GetLogEventsCommand({ ...base, nextToken: "f/123/s" })),
      "InvalidParameterException",
      "The specified nextToken is invalid.",
    );
  });

  it("filters with terms, quoted phrases, ? alternatives and - exclusions, and pages the matches", async () => {
    const job = await seededJob("Failed");
    const stream = await streamOf(job.TrainingJobName ?? "");
    const f = (filterPattern: string, limit?: number, nextToken?: string) =>
      logs().send(
        new FilterLogEventsCommand({
          logGroupName: TRAINING,
          logStreamNames: [stream],
          filterPattern,
          limit,
          nextToken,
        }),
      );
    const messages = async (p: string) => ((await f(p)).events ?? []).map((e) => e.message ?? "");
    expect(await messages("Traceback")).toEqual(["Traceback (most recent call last):"]);
    expect(await messages('"Reporting training FAILURE"')).toHaveLength(1);
    const either = await messages("?Traceback ?FAILURE");
    expect(either).toHaveLength(2);
    const info = await messages("INFO");
    const infoNoRoot = await messages("INFO -root");
    expect(infoNoRoot.length).toBeLessThan(info.length);
    expect(infoNoRoot.every((m) => m.includes("INFO") && !m.includes("root"))).toBe(true);
    const p1 = await f("INFO", 2);
    expect(p1.events).toHaveLength(2);
    const p2 = await f("INFO", 100, p1.nextToken);
    expect([...(p1.events ?? []), ...(p2.events ?? [])].map((e) => e.message)).toEqual(info);
    expect(p1.events?.[0]?.logStreamName).toBe(stream);
  });

  it("orders and pages streams; answers the service's errors", async () => {
    const byTime = await logs().send(
      new DescribeLogStreamsCommand({
        logGroupName: TRAINING,
        orderBy: "LastEventTime",
        descending: true,
        limit: 3,
      }),
    );
    const times = byTime.logStreams?.map((s) => s.lastEventTimestamp ?? 0) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(byTime.nextToken).toBeDefined();
    const next = await logs().send(
      new DescribeLogStreamsCommand({
        logGroupName: TRAINING,
        orderBy: "LastEventTime",
        descending: true,
        limit: 3,
        nextToken: byTime.nextToken,
      }),
    );
    expect(next.logStreams?.[0]?.logStreamName).not.toBe(byTime.logStreams?.[0]?.logStreamName);
    await expectError(
      logs().send(
        new DescribeLogStreamsCommand({
          logGroupName: TRAINING,
          orderBy: "LastEventTime",
          logStreamNamePrefix: "x",
        }),
      ),
      "InvalidParameterException",
      "Cannot order by LastEventTime with a logStreamNamePrefix.",
    );
    await expectError(
      logs().send(new DescribeLogStreamsCommand({ logGroupName: "/aws/sagemaker/Nope" })),
      "ResourceNotFoundException",
      "The specified log group does not exist.",
    );
    await expectError(
      logs().send(new GetLogEventsCommand({ logGroupName: TRAINING, logStreamName: "nope/algo-1-1" })),
      "ResourceNotFoundException",
      "The specified log stream does not exist.",
    );
    await expectError(
      logs().send(new DescribeLogGroupsCommand({ limit: 51 })),
      "InvalidParameterException",
      "at 'limit'",
    );
  });

  it("each account sees its own jobs' logs", async () => {
    const stream = await streamOf((await seededJob("Failed")).TrainingJobName ?? "");
    const staging = await logs("AKIDSAGEDECKSTAGING").send(new DescribeLogGroupsCommand({}));
    expect(staging.logGroups?.map((g) => g.logGroupName)).not.toContain(TRAINING);
    await expectError(
      logs("AKIDSAGEDECKSTAGING").send(
        new GetLogEventsCommand({ logGroupName: TRAINING, logStreamName: stream }),
      ),
      "ResourceNotFoundException",
      "The specified log group does not exist.",
    );
  });

  it("a running job's stream appears and grows; the forward token picks up only the new lines", async () => {
    await emu.client().send(
      new CreateTrainingJobCommand({
        TrainingJobName: "t-logs-live",
        AlgorithmSpecification: {
          TrainingInputMode: "File",
          TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/pytorch:2",
        },
        RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
        OutputDataConfig: { S3OutputPath: "s3://b/out" },
        ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 2, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        HyperParameters: { epochs: "3" },
      }),
    );
    let streams: string[] = [];
    await waitFor(async () => {
      const r = await logs().send(
        new DescribeLogStreamsCommand({ logGroupName: TRAINING, logStreamNamePrefix: "t-logs-live/" }),
      );
      streams = r.logStreams?.map((s) => s.logStreamName ?? "") ?? [];
      return streams.length === 2;
    });
    expect(streams[0]).toMatch(/^t-logs-live\/algo-1-\d+$/);
    expect(streams[1]).toMatch(/^t-logs-live\/algo-2-\d+$/);
    const base = { logGroupName: TRAINING, logStreamName: streams[0] };
    const first = await logs().send(new GetLogEventsCommand({ ...base, startFromHead: true }));
    const seen = first.events ?? [];
    let token = first.nextForwardToken;
    const appended: OutputLogEvent[] = [];
    await waitFor(async () => {
      const r = await logs().send(new GetLogEventsCommand({ ...base, nextToken: token }));
      appended.push(...(r.events ?? []));
      token = r.nextForwardToken;
      return appended.some((e) => e.message?.startsWith("Train Epoch: 1"));
    });
    const all = (await logs().send(new GetLogEventsCommand({ ...base, startFromHead: true }))).events ?? [];
    expect(all.slice(0, seen.length + appended.length).map((e) => e.message)).toEqual(
      [...seen, ...appended].map((e) => e.message),
    );
  });
});
