import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/db/audit";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { auditCsv, AuditQuery, csvCell, listAudit } from "@/lib/audit/log";
import { dbTargets } from "@/tests/helpers/db-targets";

const targets = await dbTargets();

describe("CSV cells", () => {
  it("quotes, doubles quotes and neutralises formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell(undefined)).toBe('""');
  });
});

describe.each(targets)("audit log on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    const ev = (actor: string, action: AuditAction, target: string, outcome: "ok" | "failed", details = {}) =>
      recordAudit(handle.db, { actor, actorRole: "approver", action, target, outcome, details });
    await ev("alex", "model.approve", "model-package/fraud/3", "ok", {
      group: "fraud",
      from: "PendingManualApproval",
      to: "Approved",
    });
    await ev("grace", "model.reject", "model-package/fraud/4", "ok", {
      group: "fraud",
      reason: "=worse, retrain",
    });
    await ev("alex", "model.promote", "model-package/churn/2", "failed", {
      group: "churn",
      message: "Rate exceeded",
    });
    await ev("sam", "pipelines.start", "arn:aws:sagemaker:us-east-1:1:pipeline/p/execution/x", "ok");
  });
  afterAll(() => cleanup());

  const q = (p: Record<string, unknown>) => AuditQuery.parse(p);

  it("filters by person, action prefix, group and outcome", async () => {
    expect((await listAudit(handle.db, q({ actor: "alex" }))).total).toBe(2);
    expect((await listAudit(handle.db, q({ action: "model." }))).total).toBe(3);
    expect((await listAudit(handle.db, q({ group: "fraud" }))).items.map((i) => i.action).sort()).toEqual([
      "model.approve",
      "model.reject",
    ]);
    const failed = await listAudit(handle.db, q({ outcome: "failed" }));
    expect(failed.items.map((i) => [i.target, i.message])).toEqual([
      ["model-package/churn/2", "Rate exceeded"],
    ]);
  });

  it("filters by date and pages", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(handle.db, q({ from: today, to: today }))).total).toBe(4);
    expect((await listAudit(handle.db, q({ to: "2000-01-01" }))).total).toBe(0);
    expect((await listAudit(handle.db, q({ page: 2 }))).items).toEqual([]);
  });

  it("exports the filtered events as CSV with from → to and reasons", async () => {
    const csv = await auditCsv(handle.db, { group: "fraud" });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("at,actor,role,action,target,from,to,reason,outcome,message,via");
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`"model.approve","model-package/fraud/3","PendingManualApproval","Approved"`);
    expect(csv).toContain(`"'=worse, retrain"`);
  });
});
