import { beforeAll, describe, expect, it } from "vitest";
import { assessOrganisation, type Assessment } from "@/lib/maturity/assess";
import { collectMaturity, type Collection } from "@/lib/maturity-report/collect";
import { getMaturityOverview, getSolutionReport } from "@/lib/maturity-report/report";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

/** Seeded phases (emulator/seed/org.ts), keyed by how the collector groups them: project, else team tag. */
const SEEDED: Record<string, string> = {
  "supply-chain": "Initial", // demand-forecast
  growth: "Repeatable", // churn
  risk: "Reliable", // fraud-detection
  "recsys-ranking": "Scalable",
  "search-ranking": "Scalable",
};

/** The seed's display names (org.ts `displayName`), read from the `sagedeck:solution-name` tag. */
const NAMES: Record<string, string> = {
  "supply-chain": "Demand forecasting",
  growth: "Customer churn",
  risk: "Card fraud detection",
  "recsys-ranking": "Recommendations ranking",
  "search-ranking": "Search relevance",
};

/** The documented ceiling (lib/maturity/README.md "Call budget"), cold cache, per solution. */
const CALLS_PER_SOLUTION = 60;

async function stats(url: string): Promise<Record<string, number>> {
  const r = await fetch(`${url}/_emulator/stats`);
  const body = (await r.json()) as { calls?: Record<string, number> } & Record<string, unknown>;
  return (body.calls ?? body) as Record<string, number>;
}
const total = (s: Record<string, number>) =>
  Object.entries(s).reduce((n, [k, v]) => (k.startsWith("_") || typeof v !== "number" ? n : n + v), 0);

describe("maturity collector against the seeded emulator", () => {
  // the report reads SageDeck's decisions: a throw-away PGlite database
  const emu = emulatorFixture({ noCache: true, dataDir: "sagedeck-maturity-" });
  let collection: Collection;
  let assessments: Assessment[];
  let calls: number;

  beforeAll(async () => {
    const before = total(await stats(emu.url()));
    collection = await collectMaturity();
    calls = total(await stats(emu.url())) - before;
    assessments = assessOrganisation(collection.solutions, collection.orgProjects);
  }, 180_000);

  it("groups the demo into its five solutions", () => {
    expect(collection.solutions.map((s) => s.key).sort()).toEqual(Object.keys(SEEDED).sort());
  });

  it("names each solution from its resources' name tag, keeping the grouping key", () => {
    const names = Object.fromEntries(collection.solutions.map((s) => [s.key, s.name]));
    expect(names).toEqual(NAMES);
    // sorted by display name
    const shown = collection.solutions.map((s) => s.name);
    expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b)));
  });

  it.each(Object.entries(SEEDED))("%s lands on %s", (key, phase) => {
    const a = assessments.find((x) => x.key === key);
    const failing = a?.checks.filter((c) => c.required && c.status !== "pass" && c.status !== "na");
    const why = failing?.map((c) => `${c.id} ${c.status}: ${c.observed}`).join("; ");
    expect(a?.phase, `${key}: required checks not passing — ${why}`).toBe(phase);
  });

  it("catches churn's production endpoint serving an unapproved version (L-2)", () => {
    const l2 = assessments.find((x) => x.key === "growth")?.checks.find((c) => c.id === "L-2");
    expect(l2?.status).toBe("fail");
    expect(
      l2?.evidence.some((e) =>
        /churn-prod serves .* which is (PendingManualApproval|Rejected)/.test(e.label),
      ),
    ).toBe(true);
    const fraud = assessments.find((x) => x.key === "risk")?.checks.find((c) => c.id === "L-2");
    expect(fraud?.status).toBe("pass");
  });

  it("R-7 passes where CI/CD and a schedule start the pipelines, and fails where people do", () => {
    const r7 = (key: string) => assessments.find((x) => x.key === key)?.checks.find((c) => c.id === "R-7");
    for (const key of ["risk", "recsys-ranking", "search-ranking"]) {
      expect(r7(key)?.status, `${key}: ${r7(key)?.observed}`).toBe("pass");
      expect(
        r7(key)?.evidence.some((e) => /assumed-role\/(codebuild|eventbridge-scheduler)-/.test(e.value ?? "")),
      ).toBe(true);
    }
    const churn = r7("growth");
    expect(churn?.status).toBe("fail");
    expect(churn?.observed).toMatch(
      /^0 of \d+ .*whose creator \(CreatedBy\) was read started by automation$/,
    );
    expect(churn?.evidence.length).toBeGreaterThan(0);
    for (const e of churn?.evidence ?? []) expect(["jonas.berg", "mei.tanaka"]).toContain(e.value);
    expect(r7("supply-chain")?.status).toBe("na");
  });

  it("stays within the documented call budget", () => {
    console.log(`maturity collection: ${calls} SageMaker calls for ${collection.solutions.length} solutions`);
    expect(calls).toBeLessThanOrEqual(CALLS_PER_SOLUTION * collection.solutions.length);
  });

  it("serves the organisation view filtered and sorted, and one solution with evidence and KPIs", async () => {
    const reliable = await getMaturityOverview({ phase: "Reliable" });
    expect(reliable.solutions.map((s) => s.key)).toEqual(["risk"]);
    const byScore = await getMaturityOverview({ sort: "score" });
    const scores = byScore.solutions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(byScore.checkIds).toContain("L-2");
    expect(byScore.kpis.find((k) => k.id === "pipelineSuccess")?.n).toBeGreaterThan(0);
    const churn = await getSolutionReport("growth");
    expect(churn.assessment.phase).toBe("Repeatable");
    const r1 = churn.assessment.checks.find((c) => c.id === "R-1");
    expect(
      r1?.evidence.some((e) => e.ref?.kind === "execution" && e.ref.id.includes(":pipeline/churn")),
    ).toBe(true);
    const deployments = churn.kpis.find((k) => k.id === "deploymentFrequency");
    expect(deployments?.approx).toBe(true);
    // the report reads SageDeck's (empty) decision record: L-1 is judged, not Unknown
    const fraud = await getSolutionReport("risk");
    expect(fraud.assessment.checks.find((c) => c.id === "L-1")?.status).toBe("pass");
    expect(fraud.assessment.provisional).toBe(false);
    await expect(getSolutionReport("nope")).rejects.toThrow(/No ML solution "nope"/);
  });

  it("a source that cannot be read makes its checks Unknown, never Fail, and the phase provisional", async () => {
    await fetch(`${emu.url()}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({
        operation: "ListMonitoringSchedules",
        errorCode: "AccessDeniedException",
        status: 400,
      }),
    });
    try {
      const c = await collectMaturity();
      const risk = assessOrganisation(c.solutions, c.orgProjects).find((a) => a.key === "risk");
      const l8 = risk?.checks.find((x) => x.id === "L-8");
      expect(l8?.status).toBe("unknown");
      expect(l8?.observed).toMatch(/Could not read the evidence/);
      expect(risk?.phase).toBe("Reliable");
      expect(risk?.provisional).toBe(true);
    } finally {
      await fetch(`${emu.url()}/_emulator/faults?operation=ListMonitoringSchedules`, { method: "DELETE" });
    }
  });
});
