import {
  ListExperimentsCommand,
  DescribeExperimentCommand,
  ListPipelinesCommand,
} from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import {
  NotFoundError,
  RateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "@/lib/errors";
import { createSageMakerClient } from "./client";
import { ReadCache } from "./cache";
import { translateSageMakerError } from "./errors";

const config = (endpoint: string) => ({
  sagemaker: { kind: "local" as const, endpoint, region: "us-east-1" },
  sagemakerTimeoutMs: 5_000,
});

describe("SageMaker client against the emulator (HTTP)", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  }, 90_000);
  afterAll(() => emu?.stop());

  const control = (path: string, init?: RequestInit) => fetch(`${emu.url}/_emulator${path}`, init);

  it("lists the seeded experiments through the client factory", async () => {
    const client = createSageMakerClient(config(emu.url));
    const out = await client.send(new ListExperimentsCommand({ MaxResults: 100 }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(Array.isArray(out.ExperimentSummaries)).toBe(true);
    for (const e of out.ExperimentSummaries ?? [])
      expect(e.ExperimentArn).toMatch(/^arn:aws:sagemaker:us-east-1:\d{12}:experiment\//);
  });

  it("translates a missing experiment to NotFound", async () => {
    const client = createSageMakerClient(config(emu.url));
    const err: unknown = await client
      .send(new DescribeExperimentCommand({ ExperimentName: "no-such-experiment" }))
      .catch((e: unknown) => e);
    expect(translateSageMakerError(err, { operation: "DescribeExperiment" })).toBeInstanceOf(NotFoundError);
  });

  it("coalesces concurrent identical reads into one upstream call", async () => {
    const client = createSageMakerClient(config(emu.url));
    const cache = new ReadCache();
    await control("/stats", { method: "DELETE" });
    const reads = Array.from({ length: 8 }, () =>
      cache.get("experiments:list", 10_000, () =>
        client.send(new ListExperimentsCommand({ MaxResults: 10 })),
      ),
    );
    await Promise.all(reads);
    const stats = (await (await control("/stats")).json()) as { calls: Record<string, number> };
    expect(stats.calls.ListExperiments).toBe(1);
  });

  it("enforces SAGEMAKER_TIMEOUT_MS: a call SageMaker answers too late fails as a timeout, without waiting", async () => {
    await control("/faults", {
      method: "POST",
      body: JSON.stringify({ operation: "ListPipelines", latencyMs: 8_000 }),
    });
    try {
      const client = createSageMakerClient({ ...config(emu.url), sagemakerTimeoutMs: 400 });
      const started = Date.now();
      const err: unknown = await client.send(new ListPipelinesCommand({})).catch((e: unknown) => e);
      // every attempt gave up at its deadline instead of waiting for the 8 s answer
      expect(Date.now() - started).toBeLessThan(8_000);
      const translated = translateSageMakerError(err, { operation: "ListPipelines" });
      expect(translated).toBeInstanceOf(UpstreamTimeoutError);
      expect(translated.message).toBe(
        "SageMaker did not answer ListPipelines in time (SAGEMAKER_TIMEOUT_MS per attempt); try again in a moment.",
      );
    } finally {
      await control("/faults", { method: "DELETE" });
    }
  }, 30_000);

  it("turns persistent throttling into RateLimited after the SDK's retries", async () => {
    await control("/faults", {
      method: "POST",
      body: JSON.stringify({ operation: "ListExperiments", throttle: true }),
    });
    try {
      const client = createSageMakerClient(config(emu.url));
      const err: unknown = await client.send(new ListExperimentsCommand({})).catch((e: unknown) => e);
      expect(translateSageMakerError(err, { operation: "ListExperiments" })).toBeInstanceOf(RateLimitedError);
    } finally {
      await control("/faults", { method: "DELETE" });
    }
  }, 30_000);
});

describe("SageMaker client when nothing listens", () => {
  it("reports upstream unavailable", async () => {
    const port = await freePort();
    const client = createSageMakerClient(config(`http://127.0.0.1:${port}`));
    const err: unknown = await client.send(new ListPipelinesCommand({})).catch((e: unknown) => e);
    expect(translateSageMakerError(err, { operation: "ListPipelines" })).toBeInstanceOf(
      UpstreamUnavailableError,
    );
  }, 30_000);
});
