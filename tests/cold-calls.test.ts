/**
 * Issue 18: a cold page costs at most three SageMaker calls whatever the number of versions, and none warm —
 * the approvals inbox and a model group's page, counted by the real emulator (`/_emulator/stats`), the app's
 * read cache on. "Cold" is the cache expired (tests/helpers/cold-calls.ts). A behaviour test, not a timing one
 * (the latency figures are in bench/cold-calls.ts). The lists' pages: tests/cold-calls-lists.test.ts.
 */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getInbox } from "@/lib/approvals/inbox";
import { listGroupVersions } from "@/lib/models/groups";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";
import { coldAndWarm as coldAndWarmAt } from "@/tests/helpers/cold-calls";

const emu = emulatorFixture();
const coldAndWarm = (load: () => Promise<unknown>) => coldAndWarmAt(emu.url(), load);

const approver = {
  id: "alex",
  username: "alex",
  name: "Alex",
  role: "approver" as const,
  provider: "credentials" as const,
};

describe("cold pages cost at most three SageMaker calls", () => {
  it("the inbox and a group's page, on the demo data and with 130 more waiting versions", async () => {
    const db = await getDb();
    const inbox = () => getInbox(db, approver, {});
    const fraud = () => listGroupVersions(db, { group: "fraud-xgboost" });

    const demoInbox = await coldAndWarm(inbox);
    expect((await inbox()).items.length).toBeGreaterThan(10);
    expect(demoInbox.cold.total, JSON.stringify(demoInbox.cold.byOp)).toBeLessThanOrEqual(3);
    expect(demoInbox.warm.total, JSON.stringify(demoInbox.warm.byOp)).toBe(0);
    const demoGroup = await coldAndWarm(fraud);
    expect((await fraud()).items.length).toBe(25);
    expect(demoGroup.cold.total, JSON.stringify(demoGroup.cold.byOp)).toBeLessThanOrEqual(3);
    expect(demoGroup.warm.total, JSON.stringify(demoGroup.warm.byOp)).toBe(0);

    // a group with 130 waiting versions (more than one Search page): the count does not grow with them
    const group = `many-${Date.now() % 100000}`;
    await createGroup(emu.url(), group, "fraud");
    for (let i = 0; i < 130; i++) await registerVersion(emu.url(), group, "ben", { auc: 0.8 + i / 1000 });
    const groupPage = () => listGroupVersions(db, { group });
    const many = await coldAndWarm(groupPage);
    const page = await groupPage();
    expect(page.items.map((v) => v.version)).toEqual(Array.from({ length: 25 }, (_, i) => 130 - i));
    expect(page.items[0]?.metrics.auc).toBeCloseTo(0.929);
    expect(many.cold.total, JSON.stringify(many.cold.byOp)).toBeLessThanOrEqual(3);
    expect(many.warm.total).toBe(0);
    // the cursor walks every version in order, across Search pages of 100
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const next = await listGroupVersions(db, { group, cursor });
      seen.push(...next.items.map((v) => v.version));
      cursor = next.cursor;
    } while (cursor && seen.length < 500);
    expect(seen).toEqual(Array.from({ length: 130 }, (_, i) => 130 - i));
    const groupInbox = () => getInbox(db, approver, { group, limit: 50 });
    const manyInbox = await coldAndWarm(groupInbox);
    expect((await groupInbox()).items.map((i) => i.version.version)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(manyInbox.cold.total, JSON.stringify(manyInbox.cold.byOp)).toBeLessThanOrEqual(3);
    expect(manyInbox.warm.total).toBe(0);
  }, 240_000);
});
