/**
 * The endpoints list over three accounts (real emulator with EMULATOR_DEMO_ACCOUNTS=1, real SDK, staging and
 * production reached through STS AssumeRole, the second with an ExternalId): rows from every account with
 * their account, a filter that reads one account, sort and pages on the server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { EndpointListPage } from "@/lib/endpoints/rows";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { errorOf } from "@/tests/helpers/route-call";
import { sessionUser } from "@/tests/helpers/session-user";
import { THREE_ACCOUNTS } from "@/tests/helpers/demo-accounts";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

let emu: RunningEmulator | undefined;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = JSON.stringify(THREE_ACCOUNTS);
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-endpoints-"));
  currentUser = sessionUser("viewer", "viewer");
}, 120_000);
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

async function list(query = ""): Promise<Response> {
  const { GET } = await import("@/app/api/endpoints/route");
  return GET(new Request(`http://127.0.0.1/api/endpoints${query}`), { params: Promise.resolve({}) });
}

async function page(query = ""): Promise<EndpointListPage> {
  const res = await list(query);
  expect(res.status).toBe(200);
  return (await res.json()) as EndpointListPage;
}

const keyOf = (e: { account: string; name: string }) => `${e.account}/${e.name}`;

describe("GET /api/endpoints over three accounts", () => {
  it("lists the endpoints of every account, each with its account, what it serves and its monitoring", async () => {
    const p = await page();
    expect(p.failures).toEqual([]);
    expect(p.configuredAccounts).toBe(3);
    expect(p.accounts).toEqual([
      { name: "development", accountId: "123456789012", ok: true },
      { name: "staging", accountId: "222222222222", ok: true },
      { name: "production", accountId: "333333333333", ok: true },
    ]);
    const keys = p.items.map(keyOf);
    expect(keys).toEqual(
      expect.arrayContaining([
        "development/churn-prod",
        "staging/fraud-detection-staging",
        "production/fraud-detection-prod",
      ]),
    );
    expect(new Set(p.items.map((e) => e.account))).toEqual(new Set(["development", "staging", "production"]));
    const ids = { development: "123456789012", staging: "222222222222", production: "333333333333" };
    // each row really comes from its account: the endpoint's ARN names that account
    for (const e of p.items) expect(e.arn).toContain(`:${ids[e.account as keyof typeof ids]}:endpoint/`);
    const prod = p.items.find((e) => keyOf(e) === "production/fraud-detection-prod");
    expect(prod).toMatchObject({
      stage: "Production",
      status: "InService",
      served: { group: "fraud-xgboost" },
    });
    expect(prod?.configName).toMatch(/^fraud-detection-prod-v\d+$/);
    expect(prod?.instanceType).toMatch(/^ml\./);
    expect(prod?.instanceCount).toBeGreaterThan(0);
    // the production account's Model Monitor schedules, joined to their endpoint
    expect(prod?.monitoring?.map((m) => m.type).sort()).toEqual(["DataQuality", "ModelQuality"]);
    const staging = p.items.find((e) => keyOf(e) === "staging/fraud-detection-staging");
    expect(staging).toMatchObject({ stage: "Staging", monitoring: [] });
  });

  it("filters by account (reading that account only), stage and text", async () => {
    const prod = await page("?account=production");
    expect(prod.items.length).toBeGreaterThan(0);
    expect(prod.items.every((e) => e.account === "production")).toBe(true);
    expect(prod.accounts.map((a) => a.name)).toEqual(["production"]);
    expect(prod.total).toBe(prod.items.length);

    const staged = await page("?stage=Staging&q=fraud");
    expect(staged.items.map(keyOf)).toEqual(["staging/fraud-detection-staging"]);

    // the one solution still deploying in development: its production endpoint is in the development account
    const dev = await page("?account=development&stage=Production");
    expect(dev.items.map(keyOf)).toEqual(["development/churn-prod"]);

    const unknown = await list("?account=qa");
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).message).toContain('No account named "qa"');
  });

  it("sorts and pages on the server", async () => {
    const all = await page("?sort=account&order=desc");
    const accounts = all.items.map((e) => e.account);
    expect(accounts).toEqual([...accounts].sort().reverse());
    expect(all.page).toBe(1);
    const beyond = await page("?page=2");
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(all.total);
    expect((await list("?sort=owner")).status).toBe(422);
  });
});
