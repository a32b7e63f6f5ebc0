/**
 * Maturity across accounts, against the real emulator over HTTP with its three demo accounts
 * (EMULATOR_DEMO_ACCOUNTS=1): fraud's staging and production endpoints live in the staging and production
 * accounts, churn deploys everything in its development account. L-4 passes for the one and fails for the
 * other, deployments are counted in every account, and an account that cannot be read makes the
 * endpoint-based checks Unknown, never Fail.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { THREE_ACCOUNTS } from "@/tests/helpers/demo-accounts";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";

const THREE = THREE_ACCOUNTS;
// an account the emulator does not know: STS refuses to assume its role
const UNREACHABLE = {
  name: "sandbox",
  accountId: "444444444444",
  roleArn: "arn:aws:iam::444444444444:role/SageDeckRole",
};

async function assess() {
  const { collectMaturity } = await import("@/lib/maturity-report/collect");
  const { assessOrganisation } = await import("@/lib/maturity/assess");
  const collection = await collectMaturity();
  const assessments = assessOrganisation(collection.solutions, collection.orgProjects);
  const check = (solution: string, id: string) =>
    assessments.find((a) => a.key === solution)?.checks.find((c) => c.id === id);
  return { collection, check };
}

describe("maturity across the demo's three accounts", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
    process.env.SAGEMAKER_ENDPOINT = emu.url;
    process.env.SAGEMAKER_CACHE_TTL_MS = "0";
  }, 120_000);
  afterAll(async () => {
    const violations = (await emu?.violations()) ?? [];
    await emu?.stop();
    expect(violations).toEqual([]);
  });

  it("L-4 passes for fraud (production in its own account, both named) and fails for churn", async () => {
    process.env.SAGEDECK_ACCOUNTS = JSON.stringify(THREE);
    vi.resetModules();
    const { collection, check } = await assess();

    const fraud = check("risk", "L-4");
    expect(fraud?.status).toBe("pass");
    expect(fraud?.evidence.length).toBeGreaterThan(0);
    for (const item of fraud?.evidence ?? []) {
      expect(item.label).toContain("runs in production (333333333333)");
      expect(item.label).toContain("development (123456789012)");
    }
    const churn = check("growth", "L-4");
    expect(churn?.status).toBe("fail");
    expect(churn?.evidence[0]?.label).toMatch(/runs in development \(123456789012\), where the models are/);

    // the production account's endpoint is read there: L-2 and L-8 judge it, not Unknown
    expect(check("risk", "L-2")?.status).toBe("pass");
    expect(check("risk", "L-8")?.status).not.toBe("unknown");

    // deployments (the KPIs' source) come from the staging and production accounts' endpoint configs
    const risk = collection.solutions.find((s) => s.key === "risk");
    const deployments = risk?.deployments.ok ? risk.deployments.value : [];
    expect(deployments.filter((d) => d.stage === "prod").length).toBeGreaterThan(1);
    expect(deployments.filter((d) => d.stage === "staging").length).toBeGreaterThan(1);
    const endpoints = risk?.endpoints.ok ? risk.endpoints.value : [];
    expect(new Set(endpoints.map((e) => e.account))).toEqual(new Set(["staging", "production"]));
  }, 120_000);

  it("an account that cannot be read makes the endpoint checks Unknown with its error, not Fail", async () => {
    process.env.SAGEDECK_ACCOUNTS = JSON.stringify([...THREE, UNREACHABLE]);
    vi.resetModules();
    const { check } = await assess();
    for (const solution of ["risk", "growth"]) {
      const l4 = check(solution, "L-4");
      expect(l4?.status).toBe("unknown");
      expect(l4?.observed).toMatch(/account sandbox \(444444444444\) could not be read: .+/);
      expect(check(solution, "L-2")?.status).toBe("unknown");
    }
    // sources that live in the development account are still judged
    expect(check("risk", "R-1")?.status).not.toBe("unknown");
  }, 120_000);
});
