/**
 * Issue 20 (Managers): "Waiting for a decision" has one definition (lib/overview/waiting-queue.ts) and the
 * organisation KPI, the overview and the approvals inbox agree on the demo data, count and oldest.
 * Real emulator with its demo seed, PGlite.
 */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { WAIT_UNITS } from "@/lib/overview/waited";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

emulatorFixture();

describe("waiting for a decision: one number everywhere", () => {
  it("the organisation KPI, the overview and the inbox agree on count and oldest", async () => {
    const db = await getDb();
    const { getWaitingVersions } = await import("@/lib/approvals/inbox");
    const { getWaitingForDecision } = await import("@/lib/overview/approvals");
    const { getMaturityOverview } = await import("@/lib/maturity-report/report");

    // the inbox: every page of its list
    const inbox: { createdAt?: number }[] = [];
    let cursor: string | undefined;
    do {
      const page = await getWaitingVersions(db, { limit: 100, cursor });
      inbox.push(...page.items.map((i) => i.version));
      cursor = page.cursor;
    } while (cursor);
    const inboxOldest = Math.min(...inbox.flatMap((v) => (v.createdAt === undefined ? [] : [v.createdAt])));

    const overview = await getWaitingForDecision(db);
    const maturity = await getMaturityOverview();
    const kpi = maturity.kpis.find((k) => k.id === "approvalQueue");

    expect(inbox.length).toBeGreaterThan(0);
    expect(overview.total).toBe(inbox.length);
    expect(kpi?.value).toBe(inbox.length);
    expect(overview.oldestAt).toBe(inboxOldest);
    // the KPI carries the oldest wait in hours at the collection's time
    expect(kpi?.p90).toBeCloseTo((maturity.generatedAt - inboxOldest) / 3_600_000, 0);
    expect(kpi?.definition).toContain(WAIT_UNITS);
  }, 300_000);
});
