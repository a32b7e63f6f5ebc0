/** Large scale: 10,000 executions of one pipeline list page by page at a cost that does not grow. */
import {
  ListPipelineExecutionsCommand,
  ListPipelineParametersForExecutionCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "../../testing/harness";
import { LARGE } from "../../seed/org";

let h: EmulatorHandle;
let c: SageMakerClient;

beforeAll(async () => {
  h = await startEmulator({ env: { EMULATOR_SCALE: "large" } });
  c = h.client();
}, 180_000);
afterAll(async () => {
  await h?.stop();
});

describe("large-scale pipeline executions", () => {
  it("pages through every execution exactly once, newest first, with flat page latency", async () => {
    const seen = new Set<string>();
    let token: string | undefined;
    let last = Infinity;
    const latencies: number[] = [];
    do {
      const t = Date.now();
      const page = await c.send(
        new ListPipelineExecutionsCommand({
          PipelineName: LARGE.pipeline.name,
          MaxResults: 100,
          NextToken: token,
        }),
      );
      latencies.push(Date.now() - t);
      for (const e of page.PipelineExecutionSummaries ?? []) {
        const arn = e.PipelineExecutionArn ?? "";
        expect(seen.has(arn)).toBe(false);
        seen.add(arn);
        const time = e.StartTime!.getTime();
        expect(time).toBeLessThanOrEqual(last);
        last = time;
      }
      token = page.NextToken;
    } while (token);
    expect(seen.size).toBe(LARGE.pipeline.executions);
    const sorted = [...latencies].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(100);
    const first = [...seen][0] ?? "";
    const params = await c.send(
      new ListPipelineParametersForExecutionCommand({ PipelineExecutionArn: first }),
    );
    expect(params.PipelineParameters?.map((p) => p.Name)).toContain("MaxDepth");
  }, 120_000);
});
