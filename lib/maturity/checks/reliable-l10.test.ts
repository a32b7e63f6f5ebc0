import { describe, expect, it } from "vitest";
import { assessSolution } from "../assess";
import { reliableSolution } from "../fixtures.test-helpers";
import { known, unknown, type EndpointEvidence, type SolutionEvidence } from "../types";

const check = (e: SolutionEvidence) => assessSolution(e).checks.find((c) => c.id === "L-10");
const endpointsOf = (e: SolutionEvidence): EndpointEvidence[] => (e.endpoints.ok ? e.endpoints.value : []);

/** The fixture with its production endpoint's autoscaling set to `a`. */
function withScaling(a: EndpointEvidence["autoscaling"]): SolutionEvidence {
  const base = reliableSolution();
  return {
    ...base,
    endpoints: known(endpointsOf(base).map((ep) => (ep.stage === "prod" ? { ...ep, autoscaling: a } : ep))),
  };
}

describe("L-10 autoscaled production", () => {
  it("passes with a scalable target of min ≥ 2 and a policy, naming them", () => {
    const r = check(
      withScaling(known({ min: 2, max: 6, policy: "target tracking 70 invocations/instance" })),
    );
    expect(r?.status).toBe("pass");
    expect(r?.required).toBe(false);
    expect(r?.observed).toBe("1 of 1 (100%) production endpoints autoscaled, 1 with min ≥ 2");
    expect(r?.evidence[0]?.label).toBe("fraud-prod: 2–6 instances, target tracking 70 invocations/instance");
  });

  it("is partial with min 1 (one AZ), fails without a target or without a policy", () => {
    expect(check(withScaling(known({ min: 1, max: 4, policy: "p" })))?.status).toBe("partial");
    const none = check(withScaling(known(null)));
    expect(none?.status).toBe("fail");
    expect(none?.evidence[0]?.label).toBe("fraud-prod: no scalable target (fixed capacity)");
    expect(check(withScaling(known({ min: 2, max: 6 })))?.status).toBe("fail");
  });

  it("is unknown when the production account's autoscaling could not be read (never a fail), n/a without production", () => {
    const r = check(withScaling(unknown("production (333333333333): AccessDenied")));
    expect(r?.status).toBe("unknown");
    expect(r?.observed).toContain("AccessDenied");
    const base = reliableSolution();
    const noProd = { ...base, endpoints: known(endpointsOf(base).filter((ep) => ep.stage !== "prod")) };
    expect(check(noProd)?.status).toBe("na");
  });
});
