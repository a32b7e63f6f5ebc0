import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { listAuditEvents } from "@/lib/db/audit";
import { insertSnapshot } from "@/lib/db/maturity-snapshots";
import type { History, SnapshotTaken } from "@/lib/maturity-history/history";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const history = await import("@/app/api/maturity/history/route");
const snapshots = await import("@/app/api/maturity/snapshots/route");

const as = sessionUser;
const none = { params: Promise.resolve({}) };
const get = (qs: string) => history.GET(new Request(`http://127.0.0.1/api/maturity/history?${qs}`), none);
const post = () =>
  snapshots.POST(
    new Request("http://127.0.0.1/api/maturity/snapshots", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1" },
    }),
    none,
  );
const DAY = 86_400_000;

describe("maturity history and snapshot routes", () => {
  emulatorFixture({ noCache: true, dataDir: "sagedeck-history-routes-" });
  beforeEach(() => {
    currentUser = null;
  });

  it("refuse anonymous callers with 401 and the error shape", async () => {
    for (const r of [await get("solution=*"), await post()]) {
      expect(r.status).toBe(401);
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unauthorized");
    }
  });

  it("refuse a viewer, scientist or approver a snapshot with 403, and store nothing", async () => {
    for (const role of ["viewer", "scientist", "approver"] as const) {
      currentUser = as(`u-${role}`, role);
      const r = await post();
      expect(r.status).toBe(403);
    }
    currentUser = as("vera", "viewer");
    const h = (await (await get("solution=*")).json()) as History;
    expect(h.points).toEqual([]);
  });

  it("reject a missing solution or days outside 1..365 with 422", async () => {
    currentUser = as("vera", "viewer");
    for (const qs of ["days=30", "solution=*&days=0", "solution=*&days=366", "solution=*&days=1.5"]) {
      const r = await get(qs);
      expect(r.status, qs).toBe(422);
    }
  });

  it("serve a key's points within the window, oldest first", async () => {
    const db = await getDb();
    const now = Date.now();
    const point = (at: number, score: number) => ({
      takenAt: new Date(at),
      solutionKey: "old-solution",
      solutionName: "Old",
      phase: "Initial" as const,
      provisional: false,
      score,
      progress: 0,
      checks: { "I-1": { status: "pass" } },
      kpis: {},
      source: "demo" as const,
    });
    await insertSnapshot(db, [point(now - 100 * DAY, 10), point(now - 20 * DAY, 20), point(now - DAY, 30)]);
    currentUser = as("vera", "viewer");
    const r = await get("solution=old-solution&days=30");
    expect(r.status).toBe(200);
    const h = (await r.json()) as History;
    expect(h.points.map((p) => p.score)).toEqual([20, 30]);
    expect(h.points[0]).toMatchObject({
      phase: "Initial",
      source: "demo",
      checks: { "I-1": { status: "pass" } },
    });
    const all = (await (await get("solution=old-solution&days=365")).json()) as History;
    expect(all.points).toHaveLength(3);
  });

  it("a manager takes a snapshot now: every solution gets a manual point, audited", async () => {
    currentUser = as("maya", "manager");
    const r = await post();
    expect(r.status).toBe(200);
    const taken = (await r.json()) as SnapshotTaken;
    expect(taken.solutions).toBe(5);
    const h = (await (await get("solution=risk&days=1")).json()) as History;
    expect(h.points).toHaveLength(1);
    expect(h.points[0]).toMatchObject({ at: taken.takenAt, source: "manual", phase: "Reliable" });
    const org = (await (await get("solution=*")).json()) as History;
    expect(Object.keys(org.points[0]?.kpis ?? {})).toContain("leadTime");
    const audit = (await listAuditEvents(await getDb())).filter((e) => e.action === "maturity.snapshot");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "maya", outcome: "ok" });
  }, 120_000);
});
