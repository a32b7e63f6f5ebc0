/**
 * Issue 20: approving needs a written reason unless the organisation says otherwise (SAGEDECK_APPROVE_REASON,
 * default required). An empty reason is refused with 422 before anything is read from SageMaker (no emulator runs
 * here: getting past the check would be an upstream error, not 422) and the refusal is on the record.
 */
import "@/tests/helpers/scratch-data-dir";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { approveReason } from "@/lib/approvals/policy";
import { getDb } from "@/lib/db";
import { listAuditEvents } from "@/lib/db/audit";
import { PolicyRefusalError } from "@/lib/errors";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const approve = await import("@/app/api/models/[group]/[version]/approve/route");
const gates = await import("@/app/api/approvals/gates/route");

const post = (
  handler: typeof approve.POST,
  url: string,
  body: unknown,
  params: Record<string, string>,
  key: string,
) =>
  handler(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1", "idempotency-key": key },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );

const refusalsOf = async (target: string) =>
  (await listAuditEvents(await getDb())).filter((e) => e.outcome === "refused" && e.target.includes(target));

beforeEach(() => {
  currentUser = sessionUser("alex", "approver", "Alex Approver");
});

describe("approve reason rule (default: required)", () => {
  it("refuses approving a version without a reason: 422 naming the rule, on the record as refused", async () => {
    const res = await post(
      approve.POST,
      "http://127.0.0.1/api/models/fraud-x/3/approve",
      { expectedStatus: "PendingManualApproval", reason: "  " },
      { group: "fraud-x", version: "3" },
      "key-approve-empty-1",
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unprocessable_entity");
    expect(body.error.message).toContain("requires a written reason to approve a version");
    const rows = await refusalsOf("/api/models/fraud-x/3/approve");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor).toBe("alex");
  });

  it("refuses approving a deploy gate without a reason the same way", async () => {
    const res = await post(
      gates.POST,
      "http://127.0.0.1/api/approvals/gates",
      {
        pipeline: "fraud-deploy",
        executionId: "11111111-2222-3333-4444-555555555555",
        stage: "DeployStaging",
        action: "ApproveDeployment",
        token: "66666666-7777-8888-9999-000000000000",
        answer: "approve",
      },
      {},
      "key-gate-empty-1",
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "requires a written reason to approve a deploy to production",
    );
    expect(await refusalsOf("/api/approvals/gates")).toHaveLength(1);
  });

  it("the rule itself: required refuses short reasons as a governance refusal; optional passes none", () => {
    expect(() => approveReason(undefined, "approve a version", "required")).toThrow(PolicyRefusalError);
    expect(() => approveReason("ok", "approve a version", "required")).toThrow(/SAGEDECK_APPROVE_REASON/);
    expect(approveReason("  report reviewed ", "approve a version", "required")).toBe("report reviewed");
    expect(approveReason("  ", "approve a version", "optional")).toBeUndefined();
    expect(approveReason(" fine ", "approve a version", "optional")).toBe("fine");
  });
});
