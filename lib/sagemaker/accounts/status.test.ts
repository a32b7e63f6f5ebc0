/**
 * Account reachability against the real emulator over HTTP (EMULATOR_DEMO_ACCOUNTS=1, real STS wire protocol):
 * the start-up check logs one line for a role that cannot be assumed and the app goes on; the settings route
 * (admins only) lists how each account is reached without its external id, who SageDeck is there, and the
 * last error with its time; health reports each account reachable or degraded.
 */
import "@/tests/helpers/scratch-data-dir";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { sessionUser } from "@/tests/helpers/session-user";
import type { AccountStatus } from "./status";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const EXTERNAL_ID = "sagedeck-external-id";
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
    externalId: EXTERNAL_ID,
    stages: ["Production"],
  },
  // an account the emulator does not know: STS refuses the role
  { name: "sandbox", accountId: "444444444444", roleArn: "arn:aws:iam::444444444444:role/SageDeckRole" },
];

let emu: RunningEmulator | undefined;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = JSON.stringify(ACCOUNTS);
}, 120_000);
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

async function settings(): Promise<Response> {
  const { GET } = await import("@/app/api/settings/accounts/route");
  return GET(new Request("http://127.0.0.1/api/settings/accounts"), { params: Promise.resolve({}) });
}

describe("account reachability (emulator, assumed roles)", () => {
  it("the start-up check logs one line naming the account and the role it cannot assume", async () => {
    const { validateAccountsAtStart, resetAccountStatus } = await import("./status");
    resetAccountStatus();
    const errors: string[] = [];
    const logs: string[] = [];
    await validateAccountsAtStart({ error: (l: string) => errors.push(l), log: (l: string) => logs.push(l) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^\[accounts\] account sandbox \(444444444444\): cannot assume arn:aws:iam::444444444444:role\/SageDeckRole — \w+: \S/,
    );
    expect(errors[0]).not.toContain("\n");
    expect(logs).toEqual(["[accounts] reachable: staging, production"]);
  });

  it("settings: admins see how each account is reached, who SageDeck is there and the last error", async () => {
    currentUser = sessionUser("ada", "admin");
    const res = await settings();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(EXTERNAL_ID);
    const { accounts } = JSON.parse(text) as { accounts: AccountStatus[] };
    const by = Object.fromEntries(accounts.map((a) => [a.name, a]));
    expect(by.development).toMatchObject({ home: true, reachedBy: { kind: "home" }, reachable: true });
    expect(by.production).toMatchObject({
      accountId: "333333333333",
      region: "us-east-1",
      stages: ["Production"],
      reachedBy: { kind: "role", roleArn: ACCOUNTS[2]?.roleArn, externalIdSet: true },
      reachable: true,
    });
    expect(by.staging?.reachedBy).toMatchObject({ externalIdSet: false });
    // the identity is the assumed role in that account, session named for the dashboard
    expect(by.staging?.identity?.arn).toBe(
      "arn:aws:sts::222222222222:assumed-role/SageDeckRole/sagedeck-dashboard",
    );
    expect(by.production?.identity?.account).toBe("333333333333");
    expect(by.sandbox).toMatchObject({ reachable: false });
    expect(by.sandbox?.lastError?.message).toMatch(
      /cannot assume arn:aws:iam::444444444444:role\/SageDeckRole/,
    );
    expect(by.sandbox?.lastError?.at).toBeGreaterThan(Date.now() - 60_000);
    expect(by.production?.lastError).toBeUndefined();
  });

  it("a read that fails in an account becomes that account's last error", async () => {
    const { listStageEndpointsEverywhere } = await import("@/lib/sagemaker/endpoints/reads");
    const { accountStatuses, resetAccountStatus } = await import("./status");
    resetAccountStatus();
    const before = Date.now();
    const { failures } = await listStageEndpointsEverywhere();
    expect(failures.map((f) => f.account)).toEqual(["sandbox"]);
    const sandbox = accountStatuses().find((a) => a.name === "sandbox");
    expect(sandbox?.lastError?.message).toBe(failures[0]?.message);
    expect(sandbox?.lastError?.at).toBeGreaterThanOrEqual(before);
    expect(sandbox?.reachable).toBeNull(); // a failed read is not a reachability check
  });

  it("settings are for admins only", async () => {
    for (const role of ["viewer", "scientist", "approver", "manager"] as const) {
      currentUser = sessionUser(`u-${role}`, role);
      expect((await settings()).status, role).toBe(403);
    }
    currentUser = null;
    expect((await settings()).status).toBe(401);
  });

  it("health reports each account reachable or degraded; one account down does not fail readiness", async () => {
    const { getHealth, resetHealthCache } = await import("@/lib/health");
    const { resetAccountStatus } = await import("./status");
    resetHealthCache();
    resetAccountStatus();
    const health = await getHealth();
    expect(health.status).toBe("ok");
    expect(health.accounts.map((a) => [a.name, a.status])).toEqual([
      ["development", "reachable"],
      ["staging", "reachable"],
      ["production", "reachable"],
      ["sandbox", "degraded"],
    ]);
    expect(health.accounts[3]?.message).toMatch(/^account sandbox \(444444444444\): cannot assume/);
  });
});
