import { describe, expect, it } from "vitest";
import { assessSolution } from "../assess";
import { reliableSolution } from "../fixtures.test-helpers";
import { known, unknown, type EndpointEvidence, type SolutionEvidence } from "../types";

const DEV = "123456789012";
const PROD = "333333333333";
const check = (e: SolutionEvidence, id = "L-4") => assessSolution(e).checks.find((c) => c.id === id);
const endpointsOf = (e: SolutionEvidence): EndpointEvidence[] => (e.endpoints.ok ? e.endpoints.value : []);

/** The fixture with its production endpoint moved to the production account. */
function isolated(over: Partial<SolutionEvidence> = {}): SolutionEvidence {
  const base = reliableSolution();
  return {
    ...base,
    endpoints: known(
      endpointsOf(base).map((ep) =>
        ep.stage === "prod" ? { ...ep, accountId: PROD, account: "production" } : ep,
      ),
    ),
    accountNames: { [DEV]: "development", [PROD]: "production" },
    ...over,
  };
}

describe("L-4 production isolated in its own account", () => {
  it("passes when production runs in another account than the registry and training, naming both", () => {
    const r = check(isolated());
    expect(r?.status).toBe("pass");
    expect(r?.observed).toBe("1 of 1 (100%) of production endpoints in a separate account");
    expect(r?.evidence).toEqual([
      {
        label:
          "fraud-prod runs in production (333333333333); registry and training in development (123456789012)",
        ref: { kind: "endpoint", id: "fraud-prod", label: "fraud-prod" },
        value: PROD,
      },
    ]);
  });

  it("fails when production shares the development account (one account: today's result)", () => {
    const r = check(reliableSolution());
    expect(r?.status).toBe("fail");
    expect(r?.observed).toBe("0 of 1 (0%) of production endpoints in a separate account");
    expect(r?.evidence[0]?.label).toBe(
      "fraud-prod runs in 123456789012, where the models are also built or registered (registry and training in 123456789012)",
    );
  });

  it("fails when the registry is in the production account even if training is elsewhere", () => {
    const base = isolated();
    const jobs = base.trainingJobs.ok ? base.trainingJobs.value : [];
    const r = check({
      ...base,
      // registry versions in the production account
      modelPackages: known(
        (base.modelPackages.ok ? base.modelPackages.value : []).map((p) => ({
          ...p,
          ref: { ...p.ref, id: p.ref.id.replace(DEV, PROD) },
        })),
      ),
      trainingJobs: known(jobs),
    });
    expect(r?.status).toBe("fail");
    expect(r?.evidence[0]?.label).toContain("registry in production (333333333333)");
  });

  it("an account that could not be read makes it unknown with that account's error, not a fail", () => {
    const reason = "account production (333333333333) could not be read: AccessDenied: not authorized";
    const r = check(isolated({ endpoints: unknown(reason) }));
    expect(r?.status).toBe("unknown");
    expect(r?.observed).toContain(reason);
    // the other endpoint-based checks too
    for (const id of ["L-2", "L-5", "L-8"])
      expect(check(isolated({ endpoints: unknown(reason) }), id)?.status).toBe("unknown");
  });

  it("finds the development account from training jobs when the registry is unreadable", () => {
    expect(check(isolated({ modelPackages: unknown("throttled") }))?.status).toBe("pass");
    expect(
      check(isolated({ modelPackages: unknown("throttled"), trainingJobs: unknown("throttled") }))?.status,
    ).toBe("unknown");
  });

  it("is unknown without any version or job to locate development, and n/a without production", () => {
    const none = check(isolated({ modelPackages: known([]), trainingJobs: known([]) }));
    expect(none?.status).toBe("unknown");
    const noProd = isolated();
    expect(
      check({ ...noProd, endpoints: known(endpointsOf(noProd).filter((ep) => ep.stage !== "prod")) })?.status,
    ).toBe("na");
  });
});

describe("L-8 with accounts", () => {
  it("a monitor counts only for the endpoint of that name in its own account", () => {
    const base = isolated();
    const mons = base.monitoring.ok ? base.monitoring.value : [];
    expect(
      check({ ...base, monitoring: known(mons.map((m) => ({ ...m, account: "production" }))) }, "L-8")
        ?.status,
    ).toBe("pass");
    // a schedule of the same name watching an endpoint in the staging account does not monitor production
    expect(
      check({ ...base, monitoring: known(mons.map((m) => ({ ...m, account: "staging" }))) }, "L-8")?.status,
    ).toBe("fail");
  });
});
