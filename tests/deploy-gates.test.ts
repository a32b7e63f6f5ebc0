import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { insertIntent } from "@/lib/db/decisions";
import { newLease } from "@/lib/db/decision-leases";
import { auditEvents, decisions } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, PolicyRefusalError } from "@/lib/errors";
import { approveVersion } from "@/lib/approvals/decide";
import { promoteVersion } from "@/lib/approvals/promote";
import { reconcileDecisions } from "@/lib/approvals/reconcile";
import { answerGate } from "@/lib/deploy-pipelines/gate-decide";
import { gateRun, gateSubject } from "@/lib/deploy-pipelines/gate-answered";
import { waitingGatesOf, type Gate } from "@/lib/deploy-pipelines/gates";
import { gatesForUser } from "@/lib/deploy-pipelines/inbox-gates";
import { getVersionPage } from "@/lib/models/version";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { listPipelineExecutions } from "@/lib/sagemaker/codepipeline";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { dbTargets } from "@/tests/helpers/db-targets";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { createDeployPipeline } from "@/tests/helpers/deploy-pipeline";
import { waitFor } from "@/tests/helpers/wait";

const [pglite] = await dbTargets();
const alex = user("alex"); // approves versions in the registry
const bob = user("bob");
const carol = user("carol");
const rita = user("rita", "scientist"); // registers them

const emu = emulatorFixture({ speed: 200, dataDir: "sagedeck-gates-" });
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

describe("deploy pipeline gates (emulator + PGlite)", () => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `gated-${Date.now() % 100000}`;
  const pipeline = `${group}-modeldeploy`;
  const ctx = (u = bob) => ({ db: handle.db, user: u });

  /** Registers a version as rita, approves it in the registry as alex (starts the pipeline), waits for its gate. */
  async function approvedToGate(n: number): Promise<Gate> {
    await registerVersion(emu.url(), group, "rita");
    await approveVersion(ctx(alex), { group, version: n, expectedStatus: "PendingManualApproval" });
    return waitFor(
      async () =>
        (await waitingGatesOf(group, pipeline, { fresh: true })).find((g) => g.version?.version === n),
      { what: `the gate of version ${n}`, timeoutMs: 30_000, intervalMs: 200 },
    );
  }
  const answer = (g: Gate, a: "approve" | "reject", reason = "staging looks right, latency in budget") => ({
    pipeline: g.pipeline,
    executionId: g.executionId,
    stage: g.stage,
    action: g.action,
    token: g.token,
    answer: a,
    reason,
  });

  beforeAll(async () => {
    if (!pglite) throw new Error("no PGlite target");
    ({ handle, cleanup } = await pglite.open());
    await migrateDb(handle);
    await createGroup(emu.url(), group, "gate-team");
    await createDeployPipeline(emu.url(), group, pipeline);
  }, 60_000);
  afterAll(() => cleanup());

  it("the inbox lists the seeded waiting gate with its version and staging endpoint", async () => {
    const gates = await gatesForUser(handle.db, bob);
    const seeded = gates.find((g) => g.pipeline.endsWith("-modeldeploy") && g.group !== group);
    expect(seeded).toBeDefined();
    expect(seeded?.version?.arn).toMatch(/model-package\//);
    expect(seeded?.staging?.name).toMatch(/staging/);
    expect(seeded?.action).toBe("ApproveDeployment");
    expect(seeded?.ageMs).toBeGreaterThan(0);
  }, 60_000);

  it("a pipeline-deployed group offers no direct promotion, and the verb refuses it with 422", async () => {
    const gate = await approvedToGate(1);
    const page = await getVersionPage(handle.db, bob, group, 1);
    expect(page.deployment).toMatchObject({ mode: "pipeline", pipeline });
    expect(page.allowedActions.promoteStaging.allowed).toBe(false);
    expect(page.allowedActions.promoteProduction.allowed).toBe(false);
    await expect(
      promoteVersion(ctx(), { group, version: 1, stage: "Staging", expectedStage: "Development" }),
    ).rejects.toBeInstanceOf(PolicyRefusalError);
    expect(gate.staging?.name).toBe(`${group}-staging`);
  }, 60_000);

  it("the registry approver and the registrant may not answer the gate (separation of duties)", async () => {
    const [gate] = await waitingGatesOf(group, pipeline, { fresh: true });
    if (!gate) throw new Error("no gate");
    await expect(answerGate(ctx(alex), answer(gate, "approve"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(answerGate(ctx({ ...rita, role: "admin" }), answer(gate, "approve"))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  }, 60_000);

  it("a gate approved twice at once: one wins, the other is a 409; production goes InService", async () => {
    const gate = (await waitingGatesOf(group, pipeline, { fresh: true })).find(
      (g) => g.version?.version === 1,
    );
    if (!gate) throw new Error("no gate");
    const results = await Promise.allSettled([
      answerGate(ctx(bob), answer(gate, "approve")),
      answerGate(ctx(carol), answer(gate, "approve")),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const rows = await handle.db
      .select()
      .from(decisions)
      .where(eq(decisions.subject, gateSubject(gate)));
    expect(rows.filter((r) => r.state === "applied")).toHaveLength(1);
    const winner = rows.find((r) => r.state === "applied");
    const run = await gateRun(gate);
    expect(run?.status).toBe("Succeeded");
    expect(run?.summary).toContain(`decision ${winner?.id}`);
    expect(run?.summary).toContain(winner?.actorName);
    // a later answer with the same token: 409 naming who answered
    await expect(answerGate(ctx(carol), answer(gate, "approve"))).rejects.toThrow(
      /approved by .* via SageDeck/,
    );
    const prod = await waitFor(
      async () => {
        const e = await describeEndpoint(`${group}-prod`, true);
        return e?.status === "InService" ? e : undefined;
      },
      { what: "the production endpoint", timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(prod.servedArn).toBe(gate.version?.arn);
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "model.gate.approve"));
    expect(audit).toHaveLength(1);
  }, 90_000);

  it("a rejected gate stops the pipeline", async () => {
    const gate = await approvedToGate(2);
    const view = await answerGate(ctx(carol), answer(gate, "reject", "p99 latency above budget on staging"));
    expect(view).toMatchObject({ state: "applied", toStatus: "Rejected" });
    const exec = await waitFor(
      async () =>
        (await listPipelineExecutions(pipeline)).find(
          (e) => e.id === gate.executionId && e.status === "Failed",
        ),
      { what: "the execution to fail", timeoutMs: 20_000, intervalMs: 250 },
    );
    expect(exec.status).toBe("Failed");
    const run = await gateRun(gate);
    expect(run?.errorMessage).toContain("p99 latency above budget");
    const prod = await describeEndpoint(`${group}-prod`, true);
    expect(prod?.servedArn).not.toBe(gate.version?.arn);
  }, 90_000);

  it("a crash between the intent and PutApprovalResult is reconciled: the answer is sent once", async () => {
    const gate = await approvedToGate(3);
    const id = crypto.randomUUID();
    // what a process that died right after writing its intent leaves behind
    await insertIntent(handle.db, {
      ...newLease("live:crashed"), // its lease lapses 10 s after the crash
      id,
      action: "gate-approve",
      subject: gateSubject(gate),
      groupName: group,
      version: 3,
      modelPackageArn: gate.version?.arn ?? "",
      expectedStatus: "InProgress",
      toStatus: "Approved",
      actor: "bob",
      actorName: bob.name,
      actorRole: "approver",
      reason: "checked staging",
      gate: {
        pipeline,
        executionId: gate.executionId,
        stage: gate.stage,
        action: gate.action,
        token: gate.token,
      },
    });
    expect((await gateRun(gate))?.status).toBe("InProgress");
    const report = await reconcileDecisions(handle.db, { pendingOlderThanMs: -60_000 });
    expect(report.errors).toBe(0);
    const [row] = await handle.db.select().from(decisions).where(eq(decisions.id, id));
    expect(row?.state).toBe("applied");
    const run = await gateRun(gate);
    expect(run?.status).toBe("Succeeded");
    expect(run?.summary).toContain(id);
    // a second pass finds nothing left to do
    expect((await reconcileDecisions(handle.db, { pendingOlderThanMs: -60_000 })).applied).toBe(0);
  }, 90_000);
});
