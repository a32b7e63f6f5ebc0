import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import type { DbHandle } from "@/lib/db/client";
import { listExemptions } from "@/lib/db/maturity-exemptions";
import { listTargets, organisationApprovalSla, resolveTargets } from "@/lib/db/maturity-targets";
import { migrateDb } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors";
import { dbTargets } from "@/tests/helpers/db-targets";
import { exemptionsOf, grantExemption, revokeExemption, type GovernanceContext } from "./exemptions";
import { setTargets, targetsView } from "./targets";
import { ada, failing, fixtureReport, maya, passing, sam } from "./governance.test-helpers";

const DAY = 86_400_000;
const T0 = new Date("2026-12-01T08:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

/** The code of the typed error a promise rejects with ("conflict", "unprocessable_entity", …). */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (err) {
    return err instanceof AppError ? err.code : `untyped: ${String(err)}`;
  }
}

describe.each(await dbTargets())("maturity governance on $name", (target) => {
  let handle: DbHandle;
  let cleanup: (() => Promise<void>) | undefined;
  const ctx = (over: Partial<GovernanceContext> = {}): GovernanceContext => ({
    db: handle.db,
    user: maya,
    report: fixtureReport,
    now: T0,
    ...over,
  });
  const check = failing?.id ?? "R-8";
  const grant = (over: Partial<GovernanceContext> = {}, expiresAt = at(30), checkId = check) =>
    grantExemption(ctx(over), "fraud", { checkId, reason: "vendor model, reviewed quarterly", expiresAt });

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
  }, 60_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it("the fixture has a failing and a passing check to work with", () => {
    expect(failing?.status).toMatch(/fail|partial/);
    expect(passing?.status).toBe("pass");
  });

  it("refuses bad grants with a clear error and writes nothing", async () => {
    expect(await codeOf(grant({ user: sam }))).toBe("forbidden");
    expect(await codeOf(grant({}, at(-1)))).toBe("unprocessable_entity");
    expect(await codeOf(grant({}, at(366)))).toBe("unprocessable_entity");
    expect(await codeOf(grant({}, at(30), "X-9"))).toBe("unprocessable_entity");
    expect(await codeOf(grant({}, at(30), passing?.id))).toBe("conflict");
    expect(
      await codeOf(
        grantExemption(ctx(), "nope", { checkId: check, reason: "a reason of length", expiresAt: at(3) }),
      ),
    ).toBe("not_found");
    expect(await listExemptions(handle.db, "fraud")).toHaveLength(0);
    expect((await listAuditEvents(handle.db)).filter((e) => e.action.startsWith("maturity."))).toHaveLength(
      0,
    );
  });

  it("grants, refuses a second grant while it runs, and audits the grant", async () => {
    const ex = await grant({}, at(2));
    expect(ex).toMatchObject({ checkId: check, state: "active", grantedBy: "maya", grantedByName: "Maya" });
    await expect(grant({ user: ada })).rejects.toThrow(/already exempt for fraud until .* revoke it first/);
    const audit = (await listAuditEvents(handle.db)).filter((e) => e.action === "maturity.exemption.grant");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: "maya",
      actorRole: "manager",
      target: `maturity/fraud/${check}`,
    });
    expect(audit[0]?.details).toMatchObject({
      exemptionId: ex.id,
      checkId: check,
      statusBefore: failing?.status,
    });
  });

  it("a grant after the expiry closes the expired one (system:expired) in the same step", async () => {
    const [old] = await listExemptions(handle.db, "fraud");
    const fresh = await grant({ now: at(3) }, at(40));
    const rows = await listExemptions(handle.db, "fraud");
    const closed = rows.find((r) => r.id === old?.id);
    expect(closed?.revokedBy).toBe("system:expired");
    expect(closed?.revokedAt?.getTime()).toBe(old?.expiresAt.getTime());
    expect(rows.filter((r) => r.revokedAt === null).map((r) => r.id)).toEqual([fresh.id]);
    const audit = (await listAuditEvents(handle.db)).find((e) => e.details.exemptionId === fresh.id);
    expect(audit?.details.closedExpired).toBe(old?.id);
  });

  it("revokes once (audited); a second revoke is 409, an unknown one 404", async () => {
    const open = (await exemptionsOf(handle.db, "fraud", at(3).getTime())).find((x) => x.state === "active");
    if (!open) throw new Error("no open exemption");
    expect(await codeOf(revokeExemption(ctx({ user: sam }), "fraud", open.id))).toBe("forbidden");
    expect(await codeOf(revokeExemption(ctx(), "other", open.id))).toBe("not_found");
    const revoked = await revokeExemption(ctx({ user: ada, now: at(4) }), "fraud", open.id);
    expect(revoked).toMatchObject({ state: "revoked", revokedBy: "ada", revokedAt: at(4).getTime() });
    expect(await codeOf(revokeExemption(ctx(), "fraud", open.id))).toBe("conflict");
    expect(await codeOf(revokeExemption(ctx(), "fraud", crypto.randomUUID()))).toBe("not_found");
    const audit = (await listAuditEvents(handle.db)).filter((e) => e.action === "maturity.exemption.revoke");
    expect(audit.map((e) => e.actor)).toEqual(["ada"]);
    const list = await exemptionsOf(handle.db, "fraud");
    expect(list.map((x) => x.state)).toEqual(["revoked", "revoked"]);
  });

  it("five concurrent grants: exactly one wins, the others get 409", async () => {
    const results = await Promise.allSettled(
      [maya, ada, maya, ada, maya].map((user, i) => grant({ user, now: at(5) }, at(10 + i))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const codes = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason instanceof AppError ? r.reason.code : String(r.reason)] : [],
    );
    expect(codes).toEqual(["conflict", "conflict", "conflict", "conflict"]);
    const open = (await listExemptions(handle.db, "fraud")).filter((r) => r.revokedAt === null);
    expect(open).toHaveLength(1);
  });

  it("targets: organisation default, a solution's override, clearing it; audited", async () => {
    expect(
      await codeOf(setTargets(ctx({ user: sam }), { approvalSlaHours: 1, leadTimeTargetHours: 1 })),
    ).toBe("forbidden");
    expect(
      await codeOf(setTargets(ctx(), { solution: "nope", approvalSlaHours: 1, leadTimeTargetHours: 1 })),
    ).toBe("not_found");
    await setTargets(ctx(), { approvalSlaHours: 48, leadTimeTargetHours: 168 });
    const view = await setTargets(ctx({ user: ada }), {
      solution: "fraud",
      approvalSlaHours: 24,
      leadTimeTargetHours: null,
    });
    expect(view.effective).toEqual({
      approvalSlaHours: { value: 24, from: "solution" },
      leadTimeTargetHours: { value: 168, from: "organisation" },
    });
    const rows = await listTargets(handle.db);
    expect(resolveTargets(rows, "churn")).toEqual({
      approvalSlaHours: { value: 48, from: "organisation" },
      leadTimeTargetHours: { value: 168, from: "organisation" },
    });
    expect(await organisationApprovalSla(handle.db)).toBe(48);
    // both null: the override goes, the solution follows the organisation again
    await setTargets(ctx(), { solution: "fraud", approvalSlaHours: null, leadTimeTargetHours: null });
    expect((await targetsView(handle.db, "fraud")).solutions).toEqual([]);
    expect((await targetsView(handle.db, "fraud")).effective.approvalSlaHours?.from).toBe("organisation");
    const audit = (await listAuditEvents(handle.db)).filter((e) => e.action === "maturity.targets.set");
    expect(audit).toHaveLength(3);
    expect(audit.find((e) => e.actor === "ada")?.details).toMatchObject({
      solution: "fraud",
      from: null,
      to: { approvalSlaHours: 24, leadTimeTargetHours: null },
    });
  });
});
