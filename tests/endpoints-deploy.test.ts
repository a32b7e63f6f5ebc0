/**
 * Deploying a version onto an existing endpoint keeps what production monitoring depends on: the new
 * endpoint config carries the old one's data capture and sizing (real emulator, real SDK).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployVersion } from "@/lib/sagemaker/endpoints-deploy";
import { describeEndpoint } from "@/lib/sagemaker/endpoints";
import { configCapturesData } from "@/lib/sagemaker/maturity";
import { listAllGroupVersions } from "@/lib/sagemaker/registry";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";

let emu: RunningEmulator;
beforeAll(async () => {
  process.env.EMULATOR_SPEED = "100";
  emu = await startEmulator();
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-deploy-"));
}, 120_000);
afterAll(async () => {
  await emu?.stop();
});

describe("deployVersion", () => {
  it("keeps the production endpoint's data capture when it deploys another version", async () => {
    const before = await describeEndpoint("fraud-detection-prod", true);
    expect(before?.configName).toBeDefined();
    expect(await configCapturesData(before!.configName!)).toBe(true);

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
    expect(await configCapturesData(`fraud-xgboost-v${next!.version}-capture-test`)).toBe(true);
  }, 60_000);
});
