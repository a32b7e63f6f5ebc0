/** Large scale: 10,000 executions of one pipeline list page by page at a cost that does not grow. */
import {
  ListPipelineExecutionsCommand,
  ListPipelineParametersForExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { LARGE } from "../../seed/org";

const emu = emulatorFixture({ env: { EMULATOR_SCALE: "large" } });

describe("large-scale pipeline executions", () => {
  it("pages through every execution exactly once, newest first, with flat page latency", async () => {
    const seen = new Set<string>();
    let token: string | undefined;
    let last = Infinity;
    const latencies: number[] = [];
    do {
      const t = Date.now();
      const page = await emu.client().send(
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
    const params = await emu
      .client()
      .send(new ListPipelineParametersForExecutionCommand({ PipelineExecutionArn: first }));
    expect(params.PipelineParameters?.map((p) => p.Name)).toContain("MaxDepth");
  }, 120_000);
});
