/**
 * Issue 12 holes 1–2 through the real route handlers, the real emulator and SageDeck's database: a scientist
 * cannot approve through a pipeline parameter, a control character starts nothing, and what does start is
 * recorded with its starter.
 */
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { auditEvents, pipelineRunActions } from "@/lib/db/schema";
import { describeExecutionDetail } from "@/lib/sagemaker/pipelines/executions";
import { describePipeline, searchExecutions } from "@/lib/sagemaker/pipelines/reads";
import { apiRequest } from "@/tests/helpers/api-request";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { callRoute, errorOf } from "@/tests/helpers/route-call";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = sessionUser("sam", "scientist", "Sam");
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

emulatorFixture({ speed: 200, noCache: true, dataDir: "sagedeck-sec-runs-" });
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

const pipelineRoute = await import("@/app/api/pipelines/[name]/route");
const executions = await import("@/app/api/pipelines/[name]/executions/route");
const NAME = "churn-train";
let n = 0;
const start = (body: unknown) =>
  callRoute(
    executions.POST,
    apiRequest("POST", `/api/pipelines/${NAME}/executions`, body, { "idempotency-key": `sec-key-${n++}` }),
    { name: NAME },
  );
const newest = async () =>
  (await searchExecutions({ pipelineArn: (await describePipeline(NAME)).arn, pageSize: 1 })).items[0]?.arn;
const runRows = async () => (await getDb()).select().from(pipelineRunActions);

describe("pipeline starts cannot approve, and every start is attributed", () => {
  it("ModelApprovalStatus=Approved → 422 with the reason; nothing starts in SageMaker, nothing recorded", async () => {
    currentUser = sessionUser("sam", "scientist", "Sam");
    const before = await newest();
    const res = await start({ parameters: { ModelApprovalStatus: "Approved" } });
    expect(res.status).toBe(422);
    expect(await errorOf(res)).toEqual({
      code: "unprocessable_entity",
      message:
        "ModelApprovalStatus is locked to PendingManualApproval: approval happens in the Approvals inbox, by someone other than the person who started the run.",
    });
    expect(await newest()).toBe(before);
    expect(await runRows()).toHaveLength(0);
    // the attempt itself is on the record, as a refusal naming who tried
    const [refusal] = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.outcome, "refused"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(refusal).toMatchObject({
      actor: "sam",
      actorRole: "scientist",
      target: `/api/pipelines/${NAME}/executions`,
    });
    expect(refusal?.details).toMatchObject({ status: 422 });
    expect(String(refusal?.details.message)).toContain("locked to PendingManualApproval");
  });

  it("a NUL in a parameter → 422; nothing starts, nothing recorded", async () => {
    const before = await newest();
    const res = await start({ parameters: { InputDataUrl: "s3://x/\u0000" } });
    expect(res.status).toBe(422);
    expect(await newest()).toBe(before);
    expect(await runRows()).toHaveLength(0);
  });

  it("the pipeline's answer tells the form which parameters are locked, and why", async () => {
    const res = await callRoute(pipelineRoute.GET, apiRequest("GET", `/api/pipelines/${NAME}`), {
      name: NAME,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { locked: unknown[] };
    expect(body.locked).toEqual([
      {
        name: "ModelApprovalStatus",
        value: "PendingManualApproval",
        reason: expect.stringMatching(/by someone other than the person who started the run/) as unknown,
      },
    ]);
  });

  it("a start without the parameter sends PendingManualApproval and is recorded with its starter", async () => {
    const res = await start({ parameters: { MaxDepth: 5 } });
    expect(res.status).toBe(201);
    const { executionArn } = (await res.json()) as { executionArn: string };
    expect((await describeExecutionDetail(executionArn)).parameters).toMatchObject({
      MaxDepth: "5",
      ModelApprovalStatus: "PendingManualApproval",
    });
    expect(await runRows()).toEqual([
      expect.objectContaining({ action: "start", state: "applied", actor: "sam", executionArn }),
    ]);
  });
});
