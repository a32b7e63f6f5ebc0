/**
 * L-10 "Autoscaled production" against the real emulator's three demo accounts (EMULATOR_DEMO_ACCOUNTS=1):
 * fraud detection's production endpoint (production account, reached through STS) autoscales 2–6 with target
 * tracking → pass; churn's production endpoint has fixed capacity → fail; an account whose Application Auto
 * Scaling cannot be read makes the check Unknown, never Fail.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { THREE_ACCOUNTS } from "@/tests/helpers/demo-accounts";

let emu: RunningEmulator | undefined;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = JSON.stringify(THREE_ACCOUNTS);
  process.env.SAGEMAKER_CACHE_TTL_MS = "0";
  process.env.DATABASE_URL = "";
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-maturity-aas-"));
}, 120_000);
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

async function l10(solution: string) {
  const { collectMaturity } = await import("@/lib/maturity-report/collect");
  const { assessOrganisation } = await import("@/lib/maturity/assess");
  const c = await collectMaturity();
  return assessOrganisation(c.solutions, c.orgProjects)
    .find((a) => a.key === solution)
    ?.checks.find((x) => x.id === "L-10");
}

describe("L-10 autoscaled production", () => {
  it("passes for fraud detection (2–6, target tracking 70) and fails for churn (fixed capacity)", async () => {
    const fraud = await l10("risk");
    expect(fraud?.status, fraud?.observed).toBe("pass");
    expect(fraud?.evidence.map((e) => e.label)).toEqual([
      "fraud-detection-prod: 2–6 instances, target tracking 70 invocations/instance",
    ]);
    const churn = await l10("growth");
    expect(churn?.status, churn?.observed).toBe("fail");
    expect(churn?.evidence.map((e) => e.label)).toEqual(["churn-prod: no scalable target (fixed capacity)"]);
  }, 60_000);

  it("is Unknown when the production account's Application Auto Scaling cannot be read", async () => {
    const url = emu?.url ?? "";
    await fetch(`${url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({
        operation: "application-autoscaling:DescribeScalableTargets",
        account: "333333333333",
        errorCode: "AccessDeniedException",
        status: 400,
        message: "not authorized",
      }),
    });
    try {
      const fraud = await l10("risk");
      expect(fraud?.status).toBe("unknown");
      expect(fraud?.observed).toMatch(/production: Application Auto Scaling/);
    } finally {
      await fetch(`${url}/_emulator/faults`, { method: "DELETE" });
    }
  }, 60_000);
});
