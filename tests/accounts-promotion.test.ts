/**
 * Promotion across accounts (issue 15), through the routes with a signed-in approver, against the real emulator
 * with its three demo accounts (EMULATOR_DEMO_ACCOUNTS=1), the real SDK (STS AssumeRole with the person as
 * session name and source identity) and PGlite: a promotion lands in the stage's account; a group whose policy
 * does not grant that account is refused before anything is written; "Grant access" merges a statement into the
 * group's policy; rollback works in the production account; the emulator's trail shows who did it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DescribeEndpointCommand, GetModelPackageGroupPolicyCommand } from "@aws-sdk/client-sagemaker";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { apiRequest } from "@/tests/helpers/api-request";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import {
  accountClient,
  PRODUCTION,
  servedPackage,
  STAGING,
  THREE_ACCOUNTS,
  trail as trailOf,
} from "@/tests/helpers/cross-account";
import { callRoute, errorOf } from "@/tests/helpers/route-call";
import { waitFor } from "@/tests/helpers/wait";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_SPEED: "100", EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = THREE_ACCOUNTS;
  process.env.DATABASE_URL = "";
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-xacct-"));
}, 120_000);
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

const group = `xacct-${Date.now() % 100000}`;
const alex = user("alex");
const ada = user("ada", "admin");

const routes = async () => ({
  promote: await import("@/app/api/models/[group]/[version]/promote/route"),
  rollback: await import("@/app/api/models/[group]/rollback/route"),
  sharing: await import("@/app/api/models/[group]/sharing/route"),
});
const db = async () => (await import("@/lib/db")).getDb();
const schema = () => import("@/lib/db/schema");

let keyN = 0;
async function post(
  route: "promote" | "rollback" | "sharing",
  as: SessionUser,
  body: unknown,
  version?: number,
): Promise<Response> {
  currentUser = as;
  const r = await routes();
  const url = `/api/models/${group}${version ? `/${version}` : ""}/${route}`;
  const req = apiRequest("POST", url, body, { "idempotency-key": `xacct-${Date.now()}-${keyN++}` });
  const params = version ? { group, version: String(version) } : { group };
  return callRoute(r[route].POST, req, params);
}

/** Waits until the decision leaves `deploying` (following the rollout as the decision's page does). */
async function settled(id: string) {
  const { followRollout } = await import("@/lib/approvals/rollout");
  const d = await db();
  return waitFor(
    async () => {
      const row = await followRollout(d, id);
      return row && row.state !== "deploying" ? row : undefined;
    },
    { what: `decision ${id} to finish`, timeoutMs: 30_000, intervalMs: 100 },
  );
}

async function promote(version: number, stage: "Staging" | "Production", expectedStage: string) {
  const res = await post("promote", alex, { stage, expectedStage, reason: "checked in staging" }, version);
  return res;
}

async function promoted(version: number, stage: "Staging" | "Production", expectedStage: string) {
  const res = await promote(version, stage, expectedStage);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(202);
  const { decision } = (await res.json()) as { decision: { id: string; account?: string } };
  const row = await settled(decision.id);
  expect(row.state, row.outcome ?? "").toBe("applied");
  return { decision, row };
}

const trail = (account: string) => trailOf(emu.url, account);

/** What the version page offers `as` (the same policy answer the page renders). */
async function offered(as: SessionUser, version: number) {
  const { getVersionPage } = await import("@/lib/models/version");
  return (await getVersionPage(await db(), as, group, version)).allowedActions;
}
const notGranted = (account: string, id: string) => ({
  allowed: false,
  offered: true,
  reason: `The model group's policy does not grant account ${account} (${id}); an admin can grant access on the group page.`,
});
const productionClient = () => accountClient(emu.url, "AKIDSAGEDECKPRODUCTION");
const servedInProduction = (endpoint: string) => servedPackage(productionClient(), endpoint);

const arns: string[] = [];

describe("promotion across accounts", () => {
  beforeAll(async () => {
    await createGroup(emu.url, group, `team-${group}`);
    arns.push(await registerVersion(emu.url, group, "registrar"));
    arns.push(await registerVersion(emu.url, group, "registrar"));
    const { approveVersion } = await import("@/lib/approvals/decide");
    for (const version of [1, 2])
      await approveVersion(
        { db: await db(), user: user("bob") },
        { group, version, expectedStatus: "PendingManualApproval" },
      );
  }, 60_000);

  it("refuses a stage whose account the group's policy does not grant, before anything is written (422, audited)", async () => {
    const { decisions, auditEvents } = await schema();
    const res = await promote(1, "Staging", "Development");
    expect(res.status).toBe(422);
    const err = await errorOf(res);
    expect(err.message).toContain(`staging account (${STAGING})`);
    expect(err.message).toMatch(/Grant access/);
    const rows = await (await db()).select().from(decisions).where(eq(decisions.groupName, group));
    expect(rows.filter((r) => r.action === "promote")).toEqual([]);
    expect(await trail(STAGING)).toEqual([]);
    const refused = await (
      await db()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.outcome, "refused"), eq(auditEvents.action, "models.promote")));
    expect(refused.map((r) => (r.details as { status?: number }).status)).toContain(422);
  });

  it("offers Promote to Staging disabled, with the reason, while the group does not grant the staging account", async () => {
    expect((await offered(alex, 1)).promoteStaging).toEqual(notGranted("staging", STAGING));
    // a viewer is still told it is their role, not the policy
    const viewer = (await offered(user("vic", "viewer"), 1)).promoteStaging;
    expect(viewer.allowed ? "allowed" : viewer.reason).toMatch(/^Your role \(viewer\)/);
  });

  it("only an admin grants access; the grant is merged into the group's policy and audited", async () => {
    expect((await post("sharing", alex, { accounts: ["staging"] })).status).toBe(403);
    const res = await post("sharing", ada, { accounts: ["staging"] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accounts: { account: string; shared: boolean }[] };
    expect(body.accounts).toEqual([
      expect.objectContaining({ account: "staging", shared: true }),
      expect.objectContaining({ account: "production", shared: false }),
    ]);
    const { auditEvents } = await schema();
    const shares = await (await db()).select().from(auditEvents).where(eq(auditEvents.action, "model.share"));
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ actor: "ada", outcome: "ok" });
    expect((await offered(alex, 1)).promoteStaging).toEqual({ allowed: true });
  });

  it("promotes to Staging into the staging account", async () => {
    const { decision, row } = await promoted(1, "Staging", "Development");
    expect(decision.account).toBe("staging");
    expect(row.account).toBe("staging");
    expect((await trail(STAGING)).map((e) => e.eventName)).toEqual([
      "CreateModel",
      "CreateEndpointConfig",
      "CreateEndpoint",
    ]);
  }, 60_000);

  it("refuses Production while the group does not grant the production account: nothing changes", async () => {
    expect((await offered(alex, 1)).promoteProduction).toEqual(notGranted("production", PRODUCTION));
    const { decisions } = await schema();
    const before = await (await db()).select().from(decisions).where(eq(decisions.groupName, group));
    const res = await promote(1, "Production", "Staging");
    expect(res.status).toBe(422);
    const err = await errorOf(res);
    expect(err.code).toBe("unprocessable_entity");
    expect(err.message).toContain(`production account (${PRODUCTION})`);
    expect(err.message).toContain(`arn:aws:iam::${PRODUCTION}:root`);
    const after = await (await db()).select().from(decisions).where(eq(decisions.groupName, group));
    expect(after).toEqual(before);
    expect(await trail(PRODUCTION)).toEqual([]);
    await expect(
      productionClient().send(new DescribeEndpointCommand({ EndpointName: `${group}-prod` })),
    ).rejects.toThrow(/Could not find endpoint/);
  });

  it("a second grant keeps the first statement (merged, not replaced)", async () => {
    expect((await post("sharing", ada, {})).status).toBe(200);
    const policy = await accountClient(emu.url, "admin").send(
      new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: group }),
    );
    const sids = (
      JSON.parse(policy.ResourcePolicy ?? "{}") as { Statement: { Sid: string }[] }
    ).Statement.map((s) => s.Sid);
    expect(sids).toEqual([`SageDeckShareWith${STAGING}`, `SageDeckShareWith${PRODUCTION}`]);
  });

  it("promotes to Production in the production account as the approver (assumed role with external id)", async () => {
    await promoted(1, "Production", "Staging");
    await promoted(2, "Staging", "Development");
    const mark = (await trail(PRODUCTION)).length;
    const { decision, row } = await promoted(2, "Production", "Staging");
    expect(decision.account).toBe("production");
    expect(row).toMatchObject({ account: "production", endpointName: `${group}-prod`, previousArn: arns[0] });

    const events = (await trail(PRODUCTION)).slice(mark);
    const names = events.map((e) => e.eventName);
    expect(names.filter((n) => !n.startsWith("application-autoscaling:"))).toEqual([
      "CreateModel",
      "CreateEndpointConfig",
      "UpdateEndpoint",
    ]);
    // production keeps its autoscaling, registered in the production account as the same person (issue 16)
    expect(names).toEqual(
      expect.arrayContaining([
        "application-autoscaling:RegisterScalableTarget",
        "application-autoscaling:PutScalingPolicy",
      ]),
    );
    for (const e of events) {
      expect(e.userIdentity.arn).toBe(
        `arn:aws:sts::${PRODUCTION}:assumed-role/SageDeckRoleWithExternalId/sagedeck-alex`,
      );
      expect(e.userIdentity.sessionContext?.sourceIdentity).toBe("sagedeck-alex");
    }
    // the production endpoint serves version 2, by the registry's (development account's) package ARN
    expect(arns[1]).toContain(":123456789012:model-package/");
    expect(await servedInProduction(`${group}-prod`)).toBe(arns[1]);
    // and the development account has no production endpoint of its own
    const { inAccount } = await import("@/lib/sagemaker/accounts/context");
    const { describeEndpoint } = await import("@/lib/sagemaker/endpoints/reads");
    expect(await inAccount("development", () => describeEndpoint(`${group}-prod`, true))).toBeNull();
  }, 90_000);

  it("rolls Production back in the production account", async () => {
    const mark = (await trail(PRODUCTION)).length;
    const res = await post("rollback", alex, {
      stage: "Production",
      expectedVersion: 2,
      reason: "bad canary",
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(202);
    const { decision } = (await res.json()) as { decision: { id: string; account?: string } };
    expect(decision.account).toBe("production");
    const row = await settled(decision.id);
    expect(row).toMatchObject({ state: "applied", action: "rollback", version: 1, account: "production" });
    expect(await servedInProduction(`${group}-prod`)).toBe(arns[0]);
    const events = (await trail(PRODUCTION)).slice(mark);
    expect(events.map((e) => [e.eventName, e.userIdentity.arn])).toContainEqual([
      "UpdateEndpoint",
      `arn:aws:sts::${PRODUCTION}:assumed-role/SageDeckRoleWithExternalId/sagedeck-alex`,
    ]);
    // "what was live at T" names the account of each stage
    const { stagesAt } = await import("@/lib/audit/log");
    const now = await stagesAt(await db(), group, Date.now());
    expect(now).toEqual([
      expect.objectContaining({ stage: "Staging", account: "staging", version: 2 }),
      expect.objectContaining({ stage: "Production", account: "production", version: 1 }),
    ]);
  }, 60_000);

  it("the group's version list applies the per-account rule: a deployment into another account does not explain it", async () => {
    const { listGroupVersions } = await import("@/lib/models/groups");
    const servedOutside = async () =>
      (await listGroupVersions(await db(), { group })).items.find((v) => v.version === 1)?.outside ?? [];
    // SageDeck deployed version 1 into the production account: nothing outside
    expect(await servedOutside()).toEqual([]);
    // had SageDeck's Production decisions gone to the development account, the production endpoint serving
    // version 1 is not explained by them (as the version page says too)
    const { decisions } = await schema();
    await (
      await db()
    )
      .update(decisions)
      .set({ account: "development" })
      .where(and(eq(decisions.groupName, group), eq(decisions.targetStage, "Production")));
    expect(await servedOutside()).toEqual([
      expect.objectContaining({ kind: "stage", to: "Production", version: 1 }),
    ]);
    const { getVersionPage } = await import("@/lib/models/version");
    expect((await getVersionPage(await db(), alex, group, 1)).outside).toEqual(await servedOutside());
  });
});
