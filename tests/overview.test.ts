import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { getMaturityOverview } from "@/lib/maturity-report/report";
import { listAllGroupVersions, listModelGroups } from "@/lib/sagemaker/registry/reads";
import type { WaitingForDecision } from "@/lib/overview/approvals";
import type { MaturitySummary } from "@/lib/overview/maturity";
import type { MyPipelineRuns, NewestExperimentRuns } from "@/lib/overview/runs";
import { startRun } from "@/lib/pipelines/runs";
import { waitFor } from "@/tests/helpers/wait";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const approvalsRoute = await import("@/app/api/overview/approvals/route");
const myRunsRoute = await import("@/app/api/overview/my-runs/route");
const experimentRunsRoute = await import("@/app/api/overview/experiment-runs/route");
const maturityRoute = await import("@/app/api/overview/maturity/route");

const as = sessionUser;
const sam = as("sam", "scientist");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function get<T>(handler: Handler, p: string): Promise<{ status: number; body: T }> {
  const r = await handler(new Request(`http://127.0.0.1${p}`), { params: Promise.resolve({}) });
  return { status: r.status, body: (await r.json()) as T };
}

beforeEach(() => {
  currentUser = null;
});

describe("overview sections against the emulator and PGlite", () => {
  const emu = emulatorFixture({ speed: 200, noCache: true, dataDir: "sagedeck-overview-" });

  it("refuses anonymous callers on every section route (401, error shape)", async () => {
    for (const [h, p] of [
      [approvalsRoute.GET, "/api/overview/approvals"],
      [myRunsRoute.GET, "/api/overview/my-runs"],
      [experimentRunsRoute.GET, "/api/overview/experiment-runs"],
      [maturityRoute.GET, "/api/overview/maturity"],
    ] as const) {
      const r = await get<{ error: { code: string; message: string } }>(h, p);
      expect(r.status, p).toBe(401);
      expect(r.body.error.code).toBeTruthy();
    }
  });

  it("one failing section answers its own error; the others still answer", async () => {
    currentUser = sam;
    const fault = { operation: "Search", errorCode: "AccessDeniedException", status: 400, count: 1 };
    await fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(fault) });
    try {
      const failed = await get<{ error: { message: string } }>(
        experimentRunsRoute.GET,
        "/api/overview/experiment-runs",
      );
      expect(failed.status).toBe(403);
      expect(failed.body.error.message).toBeTruthy();
      expect((await get(myRunsRoute.GET, "/api/overview/my-runs")).status).toBe(200);
    } finally {
      await fetch(`${emu.url()}/_emulator/faults?operation=Search`, { method: "DELETE" });
    }
    const again = await get<NewestExperimentRuns>(experimentRunsRoute.GET, "/api/overview/experiment-runs");
    expect(again.status).toBe(200);
  });

  it("approvers: the seeded pending versions, oldest first, and the total waiting", async () => {
    currentUser = as("alex", "approver");
    const r = await get<WaitingForDecision>(approvalsRoute.GET, "/api/overview/approvals");
    expect(r.status).toBe(200);
    // the total, counted another way: every group's pending versions
    const pending = (
      await Promise.all(
        (await listModelGroups()).map((g) => listAllGroupVersions(g.name, "PendingManualApproval")),
      )
    ).flat();
    expect(pending.length).toBeGreaterThan(0);
    expect(r.body.total).toBe(pending.length);
    expect(r.body.totalCapped).toBe(false);
    const oldest = [...pending].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0)).slice(0, 5);
    expect(r.body.items.map((v) => `${v.group}/${v.version}`)).toEqual(
      oldest.map((v) => `${v.group}/${v.version}`),
    );
    const ages = r.body.items.map((v) => v.ageMs);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    for (const v of r.body.items) expect(v.overdue).toBe(v.ageMs > r.body.slaHours * 3_600_000);
  });

  it("scientists: a run started through the service is listed for its starter only, with live status", async () => {
    const db = await getDb();
    const started = await startRun(
      { db, user: sam, idempotencyKey: `overview-${Date.now()}` },
      "churn-train",
      {
        parameters: {},
      },
    );
    currentUser = sam;
    const mine = await get<MyPipelineRuns>(myRunsRoute.GET, "/api/overview/my-runs");
    expect(mine.status).toBe(200);
    const row = mine.body.items.find((x) => x.executionArn === started.executionArn);
    expect(row).toMatchObject({ pipelineName: "churn-train", executionId: started.executionId });
    expect(row?.statusError).toBeUndefined();
    expect(["Executing", "Succeeded"]).toContain(row?.status);

    // statuses that cannot be read (one Search for all of them) mark the rows; the list still answers
    const fault = { operation: "Search", errorCode: "AccessDeniedException", status: 400 };
    await fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(fault) });
    try {
      // a live status is shared for LIVE_TTL_MS (1 s): wait until the cached one has expired
      const d = await waitFor(
        async () => {
          const degraded = await get<MyPipelineRuns>(myRunsRoute.GET, "/api/overview/my-runs");
          expect(degraded.status).toBe(200);
          const item = degraded.body.items.find((x) => x.executionArn === started.executionArn);
          return item?.statusError ? item : undefined;
        },
        { what: "the unreadable status to show on its row" },
      );
      expect(d?.status).toBeUndefined();
      expect(d?.statusError).toBeTruthy();
      expect(Math.abs((d?.startedAt ?? 0) - Date.now())).toBeLessThan(120_000); // from the audit record
    } finally {
      await fetch(`${emu.url()}/_emulator/faults?operation=Search`, { method: "DELETE" });
    }

    currentUser = as("sol", "scientist");
    const other = await get<MyPipelineRuns>(myRunsRoute.GET, "/api/overview/my-runs");
    expect(other.status).toBe(200);
    expect(other.body.items.map((x) => x.executionArn)).not.toContain(started.executionArn);
  });

  it("scientists: the newest experiment runs, each in an experiment, newest first", async () => {
    currentUser = sam;
    const r = await get<NewestExperimentRuns>(experimentRunsRoute.GET, "/api/overview/experiment-runs");
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.length).toBeLessThanOrEqual(5);
    for (const run of r.body.items) expect(run.experimentName).toBeTruthy();
  });

  it("managers: solutions per phase, the most urgent next steps and three KPI headlines", async () => {
    currentUser = as("maya", "manager");
    const r = await get<MaturitySummary>(maturityRoute.GET, "/api/overview/maturity");
    expect(r.status).toBe(200);
    const report = await getMaturityOverview();
    for (const s of report.solutions) {
      const group = r.body.phases.find((p) => p.phase === s.phase);
      expect(
        group?.solutions.map((x) => x.key),
        s.key,
      ).toContain(s.key);
    }
    expect(r.body.phases.flatMap((p) => p.solutions)).toHaveLength(report.solutions.length);
    expect(r.body.kpis.map((k) => k.id)).toEqual(["leadTime", "approvalLatency", "pipelineSuccess"]);
    expect(r.body.urgent.length).toBeGreaterThan(0);
    expect(r.body.urgent.length).toBeLessThanOrEqual(3);
    for (const u of r.body.urgent) expect(u.step.id).toMatch(/^[IRLS]-\d+$/);
  });
});
