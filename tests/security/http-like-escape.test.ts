import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { migrateDb } from "@/lib/db/migrate";
import { AuditQuery, listAudit } from "@/lib/audit/log";
import { dbTargets } from "@/tests/helpers/db-targets";

const targets = await dbTargets();

describe.each(targets)("audit filters match %, _ and \\ literally on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const q = (filter: Record<string, string>) => listAudit(handle.db, AuditQuery.parse(filter));

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    const row = { actor: "ada", actorRole: "admin", outcome: "ok" as const };
    await recordAudit(handle.db, { ...row, action: "model.approve", target: "model-package/churn/1" });
    await recordAudit(handle.db, { ...row, action: "user.create", target: "user/bob" });
    await recordAudit(handle.db, { ...row, action: "model.approve", target: "model-package/ab_c/1" });
  }, 60_000);
  afterAll(() => cleanup());

  it("action=% and action=_ match nothing; a real prefix still matches", async () => {
    expect((await q({ action: "%" })).total).toBe(0);
    expect((await q({ action: "_" })).total).toBe(0);
    expect((await q({ action: "\\" })).total).toBe(0);
    expect((await q({ action: "model." })).total).toBe(2);
  });

  it("group=% matches nothing; group=ab_c matches only that group", async () => {
    expect((await q({ group: "%" })).total).toBe(0);
    expect((await q({ group: "ab_c" })).items.map((i) => i.target)).toEqual(["model-package/ab_c/1"]);
    expect((await q({ group: "ab%" })).total).toBe(0);
  });
});
