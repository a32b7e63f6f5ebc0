/**
 * Accounts against the real emulator over HTTP (EMULATOR_DEMO_ACCOUNTS=1): calls inside inAccount() land in
 * that account through an assumed role (real STS wire protocol, fromTemporaryCredentials), a role the emulator
 * refuses fails only that account, and cache entries never cross accounts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import {
  describeEndpoint,
  listStageEndpoints,
  listStageEndpointsEverywhere,
} from "@/lib/sagemaker/endpoints/reads";
import { inAccount } from "./context";

const ACCOUNTS = [
  { name: "development", accountId: "123456789012", stages: ["Development"] },
  {
    name: "staging",
    accountId: "222222222222",
    roleArn: "arn:aws:iam::222222222222:role/SageDeckRole",
    stages: ["Staging"],
  },
  {
    name: "production",
    accountId: "333333333333",
    roleArn: "arn:aws:iam::333333333333:role/SageDeckRoleWithExternalId",
    externalId: "sagedeck-external-id",
    stages: ["Production"],
  },
  // an account the emulator does not know: STS refuses to assume the role
  {
    name: "unknown",
    accountId: "444444444444",
    roleArn: "arn:aws:iam::444444444444:role/SageDeckRole",
  },
];

describe("accounts (emulator, assumed roles)", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
    process.env.SAGEMAKER_ENDPOINT = emu.url;
  }, 120_000);
  afterAll(async () => {
    const violations = (await emu?.violations()) ?? [];
    await emu?.stop();
    expect(violations).toEqual([]);
  });

  it("reads each account's own endpoints through its role, in parallel, failing only the refused account", async () => {
    process.env.SAGEDECK_ACCOUNTS = JSON.stringify(ACCOUNTS);
    const { getConfig } = await import("@/lib/config");
    expect(getConfig().accounts.map((a) => a.name)).toEqual([
      "development",
      "staging",
      "production",
      "unknown",
    ]);

    const production = await inAccount("production", () => listStageEndpoints());
    expect(production.length).toBeGreaterThan(0);
    for (const e of production) {
      expect(e.arn).toContain(":333333333333:endpoint/");
      expect(e.account).toBe("production");
    }
    const development = await listStageEndpoints();
    expect(development.every((e) => e.arn.includes(":123456789012:"))).toBe(true);
    // the same key in two accounts never shares a cache entry: the production endpoint is not in development
    expect(await inAccount("production", () => describeEndpoint("fraud-detection-prod"))).toMatchObject({
      account: "production",
    });
    expect(await describeEndpoint("fraud-detection-prod")).toBeNull();

    const everywhere = await listStageEndpointsEverywhere();
    expect(everywhere.failures).toHaveLength(1);
    expect(everywhere.failures[0]).toMatchObject({ account: "unknown" });
    // an account STS does not know: the role and the account are named, and the fix is on that role
    expect(everywhere.failures[0]).toMatchObject({ code: "forbidden" });
    expect(everywhere.failures[0]?.message).toMatch(
      /^SageDeck cannot assume role arn:aws:iam::444444444444:role\/SageDeckRole for account unknown \(444444444444\): check the role's trust policy/,
    );
    expect(new Set(everywhere.endpoints.map((e) => e.account))).toEqual(
      new Set(["development", "staging", "production"]),
    );
  }, 60_000);
});
