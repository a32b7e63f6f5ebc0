/**
 * Production keeps its autoscaling (issue 16), against the real emulator (Application Auto Scaling over its wire
 * protocol) and PGlite: a direct promotion to Production registers the variant's scalable target and a
 * target-tracking policy from the group's `sagedeck:autoscaling` tag once the rollout is InService, a rollback
 * keeps them, and a registration that fails is a warning on the applied decision (audited), not a lost decision.
 */
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { AddTagsCommand, DescribeModelPackageGroupCommand } from "@aws-sdk/client-sagemaker";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { auditEvents } from "@/lib/db/schema";
import { approveVersion } from "@/lib/approvals/decide";
import { promoteVersion, rollbackStage } from "@/lib/approvals/promote";
import { followRollout } from "@/lib/approvals/rollout";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { dbTargets } from "@/tests/helpers/db-targets";
import { clientAs, createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { waitFor } from "@/tests/helpers/wait";

const alex = user("alex");
const [pglite] = (await dbTargets()).filter((t) => t.name === "PGlite");
const emu = emulatorFixture({ speed: 100, dataDir: "sagedeck-aas-" });
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

const aas = () =>
  new ApplicationAutoScalingClient({
    region: "us-east-1",
    endpoint: emu.url(),
    credentials: { accessKeyId: "AKIDSAGEDECKLOCAL", secretAccessKey: "x" },
    maxAttempts: 1,
  });
const resourceId = (endpoint: string) => `endpoint/${endpoint}/variant/AllTraffic`;
async function scalingOf(endpoint: string) {
  const [t, p] = await Promise.all([
    aas().send(
      new DescribeScalableTargetsCommand({
        ServiceNamespace: "sagemaker",
        ResourceIds: [resourceId(endpoint)],
      }),
    ),
    aas().send(
      new DescribeScalingPoliciesCommand({ ServiceNamespace: "sagemaker", ResourceId: resourceId(endpoint) }),
    ),
  ]);
  return { targets: t.ScalableTargets ?? [], policies: p.ScalingPolicies ?? [] };
}
const fault = (body: unknown) =>
  fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });
const clearFaults = () => fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });

describe("production autoscaling through promotions", () => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `aas-${Date.now() % 100000}`;
  const prod = `${group}-prod`;
  const ctx = () => ({ db: handle.db, user: alex });
  const settle = (id: string) =>
    waitFor(
      async () => {
        const r = await followRollout(handle.db, id);
        return r && r.state !== "deploying" ? r : undefined;
      },
      { what: `decision ${id} to finish`, timeoutMs: 30_000, intervalMs: 100 },
    );
  const promote = async (version: number, stage: "Staging" | "Production", expectedStage: string) =>
    settle((await promoteVersion(ctx(), { group, version, stage, expectedStage, reason: "checked" })).id);

  beforeAll(async () => {
    if (!pglite) throw new Error("no PGlite target");
    ({ handle, cleanup } = await pglite.open());
    await migrateDb(handle);
    await createGroup(emu.url(), group, `team-${group}`);
    const g = await clientAs(emu.url(), "admin").send(
      new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }),
    );
    await clientAs(emu.url(), "admin").send(
      new AddTagsCommand({
        ResourceArn: g.ModelPackageGroupArn,
        Tags: [{ Key: "sagedeck:autoscaling", Value: "min=2 max=5 target=90" }],
      }),
    );
    for (let i = 0; i < 3; i++) await registerVersion(emu.url(), group, "registrar");
    for (const version of [1, 2, 3])
      await approveVersion(
        { db: handle.db, user: user("bob") },
        { group, version, expectedStatus: "PendingManualApproval" },
      );
  }, 60_000);
  afterAll(() => cleanup());

  it("registers the production variant's target and policy once the rollout is InService", async () => {
    expect((await promote(1, "Staging", "Development")).state).toBe("applied");
    const staging = await scalingOf(`${group}-staging`);
    expect(staging.targets).toEqual([]); // only Production autoscales
    const row = await promote(1, "Production", "Staging");
    expect(row.state, row.outcome ?? "").toBe("applied");
    expect(row.warning).toBeNull();
    expect(row.outcome).toContain("Autoscaling registered on AllTraffic: 2–5 instances, target 90");
    const { targets, policies } = await scalingOf(prod);
    expect(targets.map((t) => [t.MinCapacity, t.MaxCapacity, t.ScalableDimension])).toEqual([
      [2, 5, "sagemaker:variant:DesiredInstanceCount"],
    ]);
    expect(policies).toHaveLength(1);
    expect(policies[0]?.PolicyType).toBe("TargetTrackingScaling");
    expect(policies[0]?.TargetTrackingScalingPolicyConfiguration?.TargetValue).toBe(90);
    expect(
      policies[0]?.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification
        ?.PredefinedMetricType,
    ).toBe("SageMakerVariantInvocationsPerInstance");
  });

  it("keeps them across an update and a rollback (one policy, not a second one)", async () => {
    expect((await promote(2, "Staging", "Development")).state).toBe("applied");
    expect((await promote(2, "Production", "Staging")).state).toBe("applied");
    const back = await settle(
      (await rollbackStage(ctx(), { group, stage: "Production", expectedVersion: 2, reason: "latency" })).id,
    );
    expect(back.state, back.outcome ?? "").toBe("applied");
    expect(back.version).toBe(1);
    expect(back.outcome).toContain("Autoscaling registered");
    const { targets, policies } = await scalingOf(prod);
    expect(targets.map((t) => [t.MinCapacity, t.MaxCapacity])).toEqual([[2, 5]]);
    expect(policies.map((p) => p.TargetTrackingScalingPolicyConfiguration?.TargetValue)).toEqual([90]);
  });

  it("a registration that fails is a warning on the applied decision, audited with it", async () => {
    expect((await promote(3, "Staging", "Development")).state).toBe("applied");
    await fault({
      operation: "application-autoscaling:RegisterScalableTarget",
      errorCode: "AccessDeniedException",
      status: 400,
      message: "User is not authorized to perform: application-autoscaling:RegisterScalableTarget",
    });
    try {
      const row = await promote(3, "Production", "Staging");
      expect(row.state).toBe("applied");
      expect(row.warning).toMatch(/was not registered with Application Auto Scaling/);
      expect(row.warning).toMatch(/application-autoscaling:RegisterScalableTarget/);
      const audits = await handle.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.target, `model-package/${group}/3`));
      const promoted = audits.find((a) => (a.details as { to?: string }).to === "Production");
      expect((promoted?.details as { warning?: string }).warning).toBe(row.warning);
    } finally {
      await clearFaults();
    }
  });
});
