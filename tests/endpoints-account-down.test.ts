/**
 * One account that cannot be reached degrades only its own rows: production is configured with an ExternalId
 * its role does not accept, so the emulator's STS refuses AssumeRole (real emulator, real SDK); the list still
 * answers 200 with development's and staging's endpoints and names production's error.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { EndpointListPage } from "@/lib/endpoints/rows";
import { THREE_ACCOUNTS } from "@/tests/helpers/demo-accounts";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

let emu: RunningEmulator | undefined;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = JSON.stringify(
    THREE_ACCOUNTS.map((a) => (a.name === "production" ? { ...a, externalId: "not-the-external-id" } : a)),
  );
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-endpoints-down-"));
  currentUser = sessionUser("viewer", "viewer");
}, 120_000);
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

async function page(query = ""): Promise<EndpointListPage> {
  const { GET } = await import("@/app/api/endpoints/route");
  const res = await GET(new Request(`http://127.0.0.1/api/endpoints${query}`), {
    params: Promise.resolve({}),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as EndpointListPage;
}

describe("GET /api/endpoints with an account that refuses the role", () => {
  it("lists the other accounts' endpoints and reports the failing account with its error", async () => {
    const p = await page();
    expect(p.accounts).toEqual([
      { name: "development", accountId: "123456789012", ok: true },
      { name: "staging", accountId: "222222222222", ok: true },
      { name: "production", accountId: "333333333333", ok: false },
    ]);
    expect(new Set(p.items.map((e) => e.account))).toEqual(new Set(["development", "staging"]));
    expect(p.items.map((e) => e.name)).toEqual(
      expect.arrayContaining(["churn-prod", "fraud-detection-staging"]),
    );
    expect(p.failures).toHaveLength(1);
    const [failure] = p.failures;
    expect(failure).toMatchObject({ account: "production", accountId: "333333333333" });
    // the refused AssumeRole, named with the role and the account, so an admin fixes the role's trust, not
    // SageDeck's own permissions
    expect(failure?.message).toBe(
      "SageDeck cannot assume role arn:aws:iam::333333333333:role/SageDeckRoleWithExternalId for account production (333333333333): check the role's trust policy (it must trust SageDeck's identity) and the external id.",
    );
    expect(failure?.message).not.toMatch(/grant that IAM action/);
    expect(failure?.code).toBe("forbidden");
  });

  it("answers a filter on the failing account with no rows and its error, not a broken page", async () => {
    const p = await page("?account=production");
    expect(p.items).toEqual([]);
    expect(p.total).toBe(0);
    expect(p.failures.map((f) => f.account)).toEqual(["production"]);
    const staging = await page("?account=staging");
    expect(staging.failures).toEqual([]);
    expect(staging.items.length).toBeGreaterThan(0);
  });
});
