/**
 * "Grant access" (PutModelPackageGroupPolicy) follows intent → call → outcome: the registry_grants row exists
 * (pending) while SageMaker is being called; a refusal fails it with SageMaker's words and one `model.share` audit
 * row; a lost answer leaves it pending and the reconciler settles it by re-reading the group's policy; the same
 * Idempotency-Key twice takes effect once. Real emulator (three demo accounts, faults), real SDK, PGlite.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  GetModelPackageGroupPolicyCommand,
  PutModelPackageGroupPolicyCommand,
} from "@aws-sdk/client-sagemaker";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { apiRequest } from "@/tests/helpers/api-request";
import { createGroup, user } from "@/tests/helpers/decisions-fixtures";
import { accountClient, PRODUCTION, STAGING, THREE_ACCOUNTS } from "@/tests/helpers/cross-account";
import { callRoute, errorOf } from "@/tests/helpers/route-call";
import { waitFor } from "@/tests/helpers/wait";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = THREE_ACCOUNTS;
  process.env.DATABASE_URL = "";
  // a write whose answer never comes gives up quickly (it stays pending for the reconciler)
  process.env.SAGEMAKER_TIMEOUT_MS = "1500";
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-grant-"));
}, 120_000);
afterEach(async () => {
  await fetch(`${emu.url}/_emulator/faults`, { method: "DELETE" });
});
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

const ada = user("ada", "admin");
const db = async () => (await import("@/lib/db")).getDb();
const schema = () => import("@/lib/db/schema");
let n = 0;
// created before the first read, so the (cached) group list knows them all
const GROUPS = Array.from({ length: 5 }, (_, i) => `grant-${Date.now() % 100000}-${i}`);
const fresh = () => GROUPS[n++] ?? "";

async function share(group: string, key = `grant-${Date.now()}-${Math.random()}`): Promise<Response> {
  currentUser = ada;
  const { POST } = await import("@/app/api/models/[group]/sharing/route");
  const req = apiRequest("POST", `/api/models/${group}/sharing`, {}, { "idempotency-key": key });
  return callRoute(POST, req, { group });
}

async function fault(body: object): Promise<void> {
  const res = await fetch(`${emu.url}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

async function grants(group: string) {
  const { registryGrants } = await schema();
  return (await db()).select().from(registryGrants).where(eq(registryGrants.groupName, group));
}

async function shareAudit(group: string) {
  const { auditEvents } = await schema();
  const rows = await (
    await db()
  )
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.target, `model-group/${group}`));
  return rows.filter((r) => r.action === "model.share");
}

async function policyOf(group: string): Promise<string | undefined> {
  try {
    const r = await accountClient(emu.url, "admin").send(
      new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: group }),
    );
    return r.ResourcePolicy;
  } catch {
    return undefined;
  }
}

describe("Grant access: intent → PutModelPackageGroupPolicy → outcome", () => {
  beforeAll(async () => {
    for (const g of GROUPS) await createGroup(emu.url, g, `team-${g}`);
  });

  it("writes the intent before SageMaker is called, then records it applied with one audit row", async () => {
    const group = fresh();
    await fault({ operation: "PutModelPackageGroupPolicy", latencyMs: 1000, count: 1 });
    const answer = share(group);
    // while the call is held by the emulator, the intent is already there, pending, and nothing has changed yet
    const pending = await waitFor(async () => (await grants(group)).find((g) => g.state === "pending"), {
      what: "the pending grant",
    });
    expect(pending.accounts).toEqual([
      { name: "staging", accountId: STAGING },
      { name: "production", accountId: PRODUCTION },
    ]);
    expect(await policyOf(group)).toBeUndefined();
    expect(await shareAudit(group)).toEqual([]);

    const res = await answer;
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    const [row] = await grants(group);
    expect(row).toMatchObject({ id: pending.id, state: "applied", actor: "ada" });
    const audit = await shareAudit(group);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "ada", outcome: "ok" });
    expect(audit[0]?.details).toMatchObject({ grantId: row?.id });
    expect(await policyOf(group)).toContain(`SageDeckShareWith${PRODUCTION}`);
  }, 30_000);

  it("a refused call fails the intent with SageMaker's refusal, audited once as failed after the intent", async () => {
    const group = fresh();
    await fault({
      operation: "PutModelPackageGroupPolicy",
      errorCode: "AccessDeniedException",
      status: 400,
      message: "User is not authorized to perform: sagemaker:PutModelPackageGroupPolicy",
    });
    const res = await share(group);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/sagemaker:PutModelPackageGroupPolicy/);
    const rows = await grants(group);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.state).toBe("failed");
    expect(row?.outcome).toMatch(/^Not applied: .*sagemaker:PutModelPackageGroupPolicy/);
    const audit = await shareAudit(group);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "failed" });
    expect(audit[0]?.details).toMatchObject({ grantId: row?.id });
    // the intent came first: it was written before the outcome (and its audit row)
    expect(row!.createdAt.getTime()).toBeLessThanOrEqual(audit[0]!.at.getTime());
    expect(row!.createdAt.getTime()).toBeLessThan(row!.completedAt!.getTime());
    expect(await policyOf(group)).toBeUndefined();
  }, 30_000);

  it("a lost answer leaves the intent pending; the reconciler fails it when the policy does not grant", async () => {
    const group = fresh();
    await fault({ operation: "PutModelPackageGroupPolicy", errorCode: "InternalFailure", status: 500 });
    const res = await share(group);
    expect(res.status).toBeGreaterThanOrEqual(500);
    const [row] = await grants(group);
    expect(row?.state).toBe("pending");
    expect(await shareAudit(group)).toEqual([]);
    // while it is pending another grant of the group waits for it
    await fetch(`${emu.url}/_emulator/faults`, { method: "DELETE" });
    expect((await share(group)).status).toBe(409);

    const { reconcileGrants } = await import("@/lib/approvals/grant");
    expect(await reconcileGrants(await db(), { pendingOlderThanMs: 0 })).toMatchObject({ failed: 1 });
    const [after] = await grants(group);
    expect(after).toMatchObject({ state: "failed" });
    expect(after?.outcome).toMatch(/does not grant staging \(222222222222\), production \(333333333333\)/);
    expect(await shareAudit(group)).toEqual([expect.objectContaining({ outcome: "failed" })]);
  }, 30_000);

  it("a crash between the call and the outcome: the reconciler finds the policy granted and records it applied", async () => {
    const group = fresh();
    const { insertGrantIntent } = await import("@/lib/db/registry-grants");
    const { withGrant } = await import("@/lib/sagemaker/registry/sharing");
    const groupArn = `arn:aws:sagemaker:us-east-1:123456789012:model-package-group/${group}`;
    // the intent was written and SageMaker took the policy, then the process died before the outcome
    await insertGrantIntent(await db(), {
      id: `crash-${group}`,
      groupName: group,
      groupArn,
      accounts: [{ name: "staging", accountId: STAGING }],
      actor: "ada",
      actorName: ada.name,
      actorRole: "admin",
    });
    await accountClient(emu.url, "admin").send(
      new PutModelPackageGroupPolicyCommand({
        ModelPackageGroupName: group,
        ResourcePolicy: withGrant(undefined, groupArn, [STAGING]),
      }),
    );
    const { reconcileGrants } = await import("@/lib/approvals/grant");
    expect(await reconcileGrants(await db(), { pendingOlderThanMs: 0 })).toMatchObject({ applied: 1 });
    expect((await grants(group))[0]).toMatchObject({ state: "applied" });
    const audit = await shareAudit(group);
    expect(audit.map((r) => r.outcome)).toEqual(["ok"]);
    expect(String(audit[0]?.details.message)).toMatch(/confirmed by the reconciler/);
  }, 30_000);

  it("the same Idempotency-Key twice grants once", async () => {
    const group = fresh();
    const key = `grant-once-${Date.now()}`;
    const first = await share(group, key);
    expect(first.status).toBe(200);
    const again = await share(group, key);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await grants(group)).toHaveLength(1);
    expect(await shareAudit(group)).toHaveLength(1);
    const calls = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as {
      calls?: Record<string, number>;
    };
    expect(calls.calls?.PutModelPackageGroupPolicy).toBeGreaterThan(0);
  }, 30_000);
});
