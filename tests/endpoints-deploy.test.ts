/**
 * Deploying a version onto an existing endpoint keeps what production monitoring depends on: the new
 * endpoint config carries the old one's data capture and sizing (real emulator, real SDK).
 */
import { describe, expect, it } from "vitest";
import { deployVersion } from "@/lib/sagemaker/endpoints/deploy";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { describeEndpointConfig } from "@/lib/sagemaker/endpoints/configs";
import { listAllGroupVersions } from "@/lib/sagemaker/registry/reads";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

emulatorFixture({ speed: 100, dataDir: "sagedeck-deploy-" });

describe("deployVersion", () => {
  it("keeps the production endpoint's data capture when it deploys another version", async () => {
    const before = await describeEndpoint("fraud-detection-prod", true);
    expect(before?.configName).toBeDefined();
    expect((await describeEndpointConfig(before!.configName!)).dataCapture).toBe(true);

    const approved = await listAllGroupVersions("fraud-xgboost", "Approved");
    const next = approved.find((v) => v.arn !== before?.servedArn);
    expect(next).toBeDefined();
    await deployVersion({
      endpointName: "fraud-detection-prod",
      packageArn: next!.arn,
      group: "fraud-xgboost",
      version: next!.version,
      configName: `fraud-xgboost-v${next!.version}-capture-test`,
      tags: { team: "risk" },
    });
    const created = await describeEndpointConfig(`fraud-xgboost-v${next!.version}-capture-test`);
    expect(created.dataCapture).toBe(true);
  }, 60_000);
});
