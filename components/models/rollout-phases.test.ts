import { describe, expect, it } from "vitest";
import { formatElapsed, rolloutProgress } from "./rollout-phases";

const T0 = 1_700_000_000_000;
const base = { createdAt: T0, endpointName: "fraud-staging" };
const states = (p: ReturnType<typeof rolloutProgress>) => p.phases.map((x) => `${x.label}:${x.state}`);

describe("rollout progress: phases, elapsed time, never 'applied' next to 'Updating'", () => {
  it("while deploying: model and config created, the endpoint Updating, elapsed since the start", () => {
    const p = rolloutProgress(
      { ...base, state: "deploying" },
      { name: "fraud-staging", status: "Updating" },
      T0 + 65_000,
    );
    expect(p.label).toBe("Rolling out");
    expect(states(p)).toEqual([
      "Model created:done",
      "Endpoint config created:done",
      "Endpoint Updating (Updating):active",
      "Endpoint InService:waiting",
    ]);
    expect(formatElapsed(p.elapsedMs)).toBe("1 min 05 s");
  });

  it("applied while the page still reads the endpoint Updating: Finishing, not InService", () => {
    const p = rolloutProgress(
      { ...base, state: "applied", completedAt: T0 + 120_000 },
      { name: "fraud-staging", status: "Updating" },
      T0 + 125_000,
    );
    expect(p.label).toBe("Finishing");
    expect(p.endpointLagging).toBe(true);
    expect(p.phases.at(-1)?.state).toBe("waiting");
  });

  it("applied and InService: every phase done, the elapsed time stops at completion", () => {
    const p = rolloutProgress(
      { ...base, state: "applied", completedAt: T0 + 120_000 },
      { name: "fraud-staging", status: "InService" },
      T0 + 600_000,
    );
    expect(p.label).toBe("InService");
    expect(p.phases.every((x) => x.state === "done")).toBe(true);
    expect(p.elapsedMs).toBe(120_000);
  });

  it("a deployment SageMaker refused fails the first phases; a failed rollout fails the endpoint phase", () => {
    const refused = rolloutProgress(
      { ...base, state: "failed", outcome: "Not deployed: quota", completedAt: T0 + 2_000 },
      undefined,
      T0 + 9_000,
    );
    expect(states(refused).slice(0, 3)).toEqual([
      "Model created:failed",
      "Endpoint config created:failed",
      "Endpoint Updating:waiting",
    ]);
    const failed = rolloutProgress(
      { ...base, state: "failed", outcome: "The endpoint rollout failed", completedAt: T0 + 90_000 },
      { name: "fraud-staging", status: "InService" },
      T0 + 99_000,
    );
    expect(failed.label).toBe("Failed");
    expect(states(failed)[2]).toBe("Endpoint Updating:failed");
  });

  it("another endpoint's status (a different stage) is ignored", () => {
    const p = rolloutProgress(
      { ...base, state: "applied", completedAt: T0 + 1 },
      { name: "other", status: "Updating" },
      T0 + 2,
    );
    expect(p.label).toBe("InService");
  });
});
