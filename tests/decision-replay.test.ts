/**
 * Issue 17: a promotion replayed by its Idempotency-Key answered the first answer's "deploying" forever; the
 * decision routes' idempotency option now answers with the decision's state at replay time.
 */
import "@/tests/helpers/scratch-data-dir";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decisionAudit } from "@/lib/approvals/audit";
import { decisionIdempotency } from "@/lib/approvals/http";
import { toDecisionView } from "@/lib/approvals/types";
import { getDb } from "@/lib/db";
import { finishDecision, insertIntent, markDecision } from "@/lib/db/decisions";

describe("replaying a decision", () => {
  it("answers the decision's current state (200 applied), not the stored 202 'deploying'", async () => {
    const db = await getDb();
    const id = randomUUID();
    await insertIntent(db, {
      id,
      action: "promote",
      subject: `stage:replay-group:Staging`,
      groupName: "replay-group",
      version: 3,
      modelPackageArn: "arn:aws:sagemaker:us-east-1:123456789012:model-package/replay-group/3",
      expectedStatus: "Development",
      toStatus: "Staging",
      targetStage: "Staging",
      endpointName: "replay-staging",
      actor: "alex",
      actorName: "Alex Tester",
      actorRole: "approver",
    });
    const deploying = await markDecision(db, id, "deploying", "Rolling out to replay-staging.");
    const first = { status: 202, body: { decision: toDecisionView(deploying) } };
    await finishDecision(db, id, ["deploying"], "applied", "replay-staging is InService.", decisionAudit());

    const replayed = await decisionIdempotency.refresh?.(first);
    expect(replayed?.status).toBe(200);
    expect((replayed?.body as { decision: { state: string } }).decision.state).toBe("applied");
  });
});
