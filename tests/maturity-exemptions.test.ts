import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { MaturityOverview, SolutionReport } from "@/lib/maturity-report/report";
import type { ExemptionView } from "@/lib/maturity-governance/views";
import { getDb } from "@/lib/db";
import { hashRequest } from "@/lib/db/idempotency";
import { idempotencyKeys } from "@/lib/db/schema";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const overviewRoute = await import("@/app/api/maturity/route");
const solutionRoute = await import("@/app/api/maturity/solutions/[key]/route");
const exemptionsRoute = await import("@/app/api/maturity/solutions/[key]/exemptions/route");
const exemptionRoute = await import("@/app/api/maturity/solutions/[key]/exemptions/[id]/route");
const targetsRoute = await import("@/app/api/maturity/targets/route");

const maya: SessionUser = {
  id: "4",
  username: "maya",
  name: "Maya",
  role: "manager",
  provider: "credentials",
};
const KEY = "growth"; // churn: seeded Repeatable
const expiry = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
const base = "http://127.0.0.1/api/maturity";

async function report(): Promise<SolutionReport> {
  const r = await solutionRoute.GET(new Request(`${base}/solutions/${KEY}`), {
    params: Promise.resolve({ key: KEY }),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as SolutionReport;
}

function grant(checkId: string, idempotencyKey?: string) {
  return exemptionsRoute.POST(
    new Request(`${base}/solutions/${KEY}/exemptions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://127.0.0.1",
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      },
      body: JSON.stringify({ checkId, reason: "accepted risk until the Q1 migration", expiresAt: expiry }),
    }),
    { params: Promise.resolve({ key: KEY }) },
  );
}

describe("the report applies exemptions and targets (emulator + PGlite)", () => {
  emulatorFixture({ noCache: true, dataDir: "sagedeck-exempt-" });
  beforeAll(() => {
    currentUser = maya;
  });

  it("exempting the next phase's failing required checks moves the phase; revoking moves it back", async () => {
    const before = await report();
    const a = before.assessment;
    expect(a.phase).toBe("Repeatable");
    const blocking = a.checks.filter(
      (c) => c.phase === a.next && c.required && (c.status === "fail" || c.status === "partial"),
    );
    expect(blocking.length).toBeGreaterThan(0);

    const granted: ExemptionView[] = [];
    for (const c of blocking) {
      const r = await grant(c.id);
      expect(r.status).toBe(201);
      granted.push(((await r.json()) as { exemption: ExemptionView }).exemption);
    }
    const after = (await report()).assessment;
    for (const c of blocking) {
      const now = after.checks.find((x) => x.id === c.id);
      expect(now?.status).toBe("pass");
      expect(now?.exemption).toMatchObject({
        reason: "accepted risk until the Q1 migration",
        grantedBy: "Maya",
      });
    }
    expect(after.phase).toBe(a.next);

    // a second grant for the same check is a conflict, and says until when
    const again = await grant(blocking[0]?.id ?? "");
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already exempt/);

    for (const x of granted) {
      const r = await exemptionRoute.DELETE(new Request(`${base}/solutions/${KEY}/exemptions/${x.id}`), {
        params: Promise.resolve({ key: KEY, id: x.id }),
      });
      expect(r.status).toBe(200);
    }
    const reverted = (await report()).assessment;
    expect(reverted.phase).toBe("Repeatable");
    expect(reverted.checks.filter((c) => c.exemption)).toEqual([]);

    const list = await exemptionsRoute.GET(new Request(`${base}/solutions/${KEY}/exemptions`), {
      params: Promise.resolve({ key: KEY }),
    });
    const { exemptions } = (await list.json()) as { exemptions: ExemptionView[] };
    expect(exemptions.map((x) => x.state)).toEqual(granted.map(() => "revoked"));
  }, 120_000);

  it("a repeated Idempotency-Key replays the first grant instead of a 409", async () => {
    const c = (await report()).assessment.checks.find((x) => x.status === "fail" && !x.required);
    if (!c) throw new Error("no failing advisory check on the seeded solution");
    const first = await grant(c.id, "test-key-0001");
    const second = await grant(c.id, "test-key-0001");
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
  }, 60_000);

  it("a key whose first request died mid-way (no answer, lease lapsed) is retried, not 409 'still running' forever", async () => {
    const c = (await report()).assessment.checks.filter((x) => x.status === "fail" && !x.required)[1];
    if (!c) throw new Error("no second failing advisory check on the seeded solution");
    const key = "test-key-crashed";
    const body = { checkId: c.id, reason: "accepted risk until the Q1 migration", expiresAt: expiry };
    // what a process that crashed after claiming the key leaves behind (for either actor scoping)
    const db = await getDb();
    for (const actor of [maya.id, maya.username]) {
      await db.insert(idempotencyKeys).values({
        key,
        actor,
        route: `POST /api/maturity/solutions/${KEY}/exemptions`,
        requestHash: hashRequest(body),
        createdAt: new Date(Date.now() - 3_600_000),
      });
    }
    const retry = await grant(c.id, key);
    expect(retry.status).toBe(201);
    const again = await grant(c.id, key);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await retry.json());
  }, 60_000);

  it("targets show on the KPIs of the overview and of a solution, with whether they are met", async () => {
    const put = await targetsRoute.PUT(
      new Request(`${base}/targets`, {
        method: "PUT",
        headers: { "content-type": "application/json", origin: "http://127.0.0.1" },
        body: JSON.stringify({ approvalSlaHours: 10_000 / 2, leadTimeTargetHours: 0.01 }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(put.status).toBe(200);
    const o = (await (
      await overviewRoute.GET(new Request(base), { params: Promise.resolve({}) })
    ).json()) as MaturityOverview;
    const latency = o.kpis.find((k) => k.id === "approvalLatency");
    expect(o.targets.approvalSlaHours).toEqual({ value: 5000, from: "organisation" });
    expect(latency && "target" in latency ? latency.target : undefined).toEqual({
      value: 5000,
      from: "organisation",
      met: latency?.value === null ? null : true,
    });
    const s = await report();
    const lead = s.kpis.find((k) => k.id === "leadTime");
    expect(lead && "target" in lead ? lead.target?.met : undefined).toBe(lead?.value === null ? null : false);
    expect(s.kpis.find((k) => k.id === "pipelineSuccess")).not.toHaveProperty("target");
  }, 60_000);
});
