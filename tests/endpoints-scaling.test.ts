/**
 * The Endpoints API shows each endpoint's size and autoscaling (issue 16), against the real emulator's three demo
 * accounts (production reached through STS): the seeded fraud-detection production endpoint autoscales 2–6 with a
 * target-tracking policy (target 70) and has scaling activities; churn's production endpoint has no policy and is
 * flagged; staging endpoints are never flagged.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { EndpointActivities } from "@/lib/endpoints/activities";
import type { EndpointListPage, EndpointRow } from "@/lib/endpoints/rows";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { sessionUser } from "@/tests/helpers/session-user";
import { THREE_ACCOUNTS } from "@/tests/helpers/demo-accounts";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

let emu: RunningEmulator | undefined;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = JSON.stringify(THREE_ACCOUNTS);
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-endpoints-scaling-"));
  currentUser = sessionUser("viewer", "viewer");
}, 120_000);
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

async function rows(): Promise<EndpointRow[]> {
  const { GET } = await import("@/app/api/endpoints/route");
  const res = await GET(new Request("http://127.0.0.1/api/endpoints?q=-"), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  const p = (await res.json()) as EndpointListPage;
  expect(p.failures).toEqual([]);
  return p.items;
}
const find = (items: EndpointRow[], name: string) => {
  const r = items.find((x) => x.name === name);
  if (!r) throw new Error(`${name} not listed: ${items.map((x) => x.name).join(", ")}`);
  return r;
};

describe("GET /api/endpoints — scaling", () => {
  it("gives instance type, current and desired count, min/max and the target of an autoscaled endpoint", async () => {
    const fraud = find(await rows(), "fraud-detection-prod");
    expect(fraud.account).toBe("production");
    expect(fraud.scaling).toMatchObject({
      variant: "AllTraffic",
      readable: true,
      min: 2,
      max: 6,
      target: 70,
      unscaled: false,
    });
    expect(fraud.scaling.instanceType).toMatch(/^ml\./);
    expect(fraud.scaling.desiredCount).toBeGreaterThanOrEqual(2);
    expect(fraud.scaling.desiredCount).toBeLessThanOrEqual(6);
    expect(fraud.scaling.currentCount).toBeGreaterThanOrEqual(1);
  });

  it("flags a production endpoint without a scaling policy, never a staging one", async () => {
    const items = await rows();
    const churn = find(items, "churn-prod");
    expect(churn.scaling).toMatchObject({ readable: true, unscaled: true });
    expect(churn.scaling.min).toBeUndefined();
    expect(find(items, "fraud-detection-staging").scaling.unscaled).toBe(false);
  });

  it("lists the variant's recent scaling activities in its account", async () => {
    const { GET } = await import("@/app/api/endpoints/[name]/scaling/route");
    const res = await GET(
      new Request("http://127.0.0.1/api/endpoints/fraud-detection-prod/scaling?account=production&limit=5"),
      { params: Promise.resolve({ name: "fraud-detection-prod" }) },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as EndpointActivities;
    expect(body.variant).toBe("AllTraffic");
    expect(body.activities.length).toBeGreaterThan(0);
    expect(body.activities.length).toBeLessThanOrEqual(5);
    expect(body.activities[0]?.description).toMatch(/instance count/i);
    const times = body.activities.map((a) => a.startedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
