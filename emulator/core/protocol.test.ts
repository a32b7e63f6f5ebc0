/**
 * The wire protocol as the SDK and raw HTTP clients see it, and the control API (faults, stats, reset).
 */
import { ListExperimentsCommand, SageMakerServiceException } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../testing/harness";
import { emulatorFixture } from "../testing/fixture";

const emu = emulatorFixture();

async function raw(target: string | undefined, body: string, auth = true) {
  const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.1" };
  if (target) headers["x-amz-target"] = target;
  if (auth)
    headers.authorization = "AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/sagemaker/aws4_request";
  const res = await fetch(emu.handle().endpoint, { method: "POST", headers, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, string> };
}

describe("wire protocol", () => {
  it("answers an unknown operation with UnknownOperationException", async () => {
    const res = await raw("SageMaker.FlyToTheMoon", "{}");
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe("UnknownOperationException");
    expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("content-type")).toBe("application/x-amz-json-1.1");
  });

  it("refuses a request without an Authorization header", async () => {
    const res = await raw("SageMaker.ListExperiments", "{}", false);
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe("MissingAuthenticationTokenException");
  });

  it("refuses malformed JSON with SerializationException and a missing target with UnknownOperationException", async () => {
    expect((await raw("SageMaker.ListExperiments", "{not json")).body.__type).toBe("SerializationException");
    expect((await raw(undefined, "{}")).body.__type).toBe("UnknownOperationException");
  });

  it("never exposes internal operations over HTTP", async () => {
    const res = await raw("SageMaker._PutTrialComponentMetrics", "{}");
    expect(res.body.__type).toBe("UnknownOperationException");
  });

  it("returns epoch-second timestamps that the SDK parses into Dates", async () => {
    const out = await emu
      .handle()
      .client()
      .send(new ListExperimentsCommand({ MaxResults: 1 }));
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const first = out.ExperimentSummaries?.[0];
    expect(first?.CreationTime).toBeInstanceOf(Date);
    expect(Number.isNaN(first?.CreationTime?.getTime())).toBe(false);
  });
});

describe("control API", () => {
  it("injects throttling that the SDK retries through, and counts every attempt", async () => {
    await emu.handle().control("POST", "stats/reset");
    await emu.handle().control("POST", "faults", { operation: "ListExperiments", throttle: true, count: 2 });
    const out = await emu
      .handle()
      .client({ maxAttempts: 3 })
      .send(new ListExperimentsCommand({ MaxResults: 1 }));
    expect(out.ExperimentSummaries?.length).toBe(1);
    const stats = await emu
      .handle()
      .control<{ calls: Record<string, number>; errors: Record<string, number> }>("GET", "stats");
    expect(stats.calls.ListExperiments).toBe(3);
    expect(stats.errors.ListExperiments).toBe(2);
  });

  it("surfaces a 5xx after the SDK gives up retrying", async () => {
    await emu
      .handle()
      .control("POST", "faults", { operation: "ListExperiments", errorCode: "InternalFailure" });
    try {
      await emu.handle().client({ maxAttempts: 2 }).send(new ListExperimentsCommand({}));
      expect.fail("should throw");
    } catch (err) {
      expect(err).toBeInstanceOf(SageMakerServiceException);
      expect((err as SageMakerServiceException).name).toBe("InternalFailure");
      expect((err as SageMakerServiceException).$metadata.httpStatusCode).toBe(500);
    } finally {
      await emu.handle().control("DELETE", "faults");
    }
    const after = await emu
      .handle()
      .client()
      .send(new ListExperimentsCommand({ MaxResults: 1 }));
    expect(after.ExperimentSummaries?.length).toBe(1);
  });

  it("adds latency per operation", async () => {
    await emu.handle().control("POST", "faults", { operation: "ListExperiments", latencyMs: 300 });
    const t0 = performance.now();
    await emu
      .handle()
      .client()
      .send(new ListExperimentsCommand({ MaxResults: 1 }));
    const elapsed = performance.now() - t0;
    await emu.handle().control("DELETE", "faults?operation=ListExperiments");
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect((await emu.handle().control<{ faults: unknown[] }>("GET", "faults")).faults).toEqual([]);
  });

  it("rejects a malformed fault and names unknown control routes", async () => {
    const bad = await fetch(`${emu.handle().endpoint}/_emulator/faults`, {
      method: "POST",
      body: '{"latencyMs":5}',
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${emu.handle().endpoint}/_emulator/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/GET \/_emulator\/health/);
  });
});

describe("process", () => {
  it("refuses a second emulator on the same data directory", async () => {
    await expect(startEmulator({ dataDir: emu.handle().dataDir, timeoutMs: 60_000 })).rejects.toThrow(
      /Another emulator \(pid \d+\) is already using/,
    );
  });

  it("comes back after kill -9 with its state", async () => {
    const before = await emu
      .handle()
      .client()
      .send(new ListExperimentsCommand({ MaxResults: 100 }));
    await emu.restart(true);
    const after = await emu
      .handle()
      .client()
      .send(new ListExperimentsCommand({ MaxResults: 100 }));
    expect(after.ExperimentSummaries?.map((e) => e.ExperimentName)).toEqual(
      before.ExperimentSummaries?.map((e) => e.ExperimentName),
    );
  });
});
