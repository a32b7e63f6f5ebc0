/**
 * One read path per SageMaker resource: whoever reads an endpoint config (an endpoint's stages, the audit
 * log's stage history, the maturity collector, the deploy step), it is one DescribeEndpointConfig per config,
 * counted by the emulator (real emulator, real SDK, the app's read cache on).
 */
import { describe, expect, it } from "vitest";
import { collectionReads } from "@/lib/maturity-report/collect/reads";
import { endpointConfigHistory } from "@/lib/sagemaker/endpoints/history";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { emulatorCalls } from "@/tests/helpers/wait";

const emu = emulatorFixture({ dataDir: "sagedeck-config-reads-" });

describe("endpoint config reads", () => {
  it("the stages, the stage history and the maturity collector read each endpoint config once", async () => {
    await fetch(`${emu.url()}/_emulator/stats/reset`, { method: "POST" });
    const endpoint = await describeEndpoint("fraud-detection-prod");
    const history = await endpointConfigHistory("fraud-detection-prod");
    const reads = collectionReads();
    const names = [endpoint?.configName ?? "", ...history.map((c) => c.name)].filter(Boolean);
    for (const name of names) await reads.config(name);
    for (const name of names) await reads.packageOfConfig(name);
    const distinct = new Set(names);
    expect(distinct.size).toBeGreaterThan(1);
    const calls = await emulatorCalls(emu.url());
    expect(calls.DescribeEndpointConfig).toBe(distinct.size);
  });
});
