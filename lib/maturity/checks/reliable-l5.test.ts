import { describe, expect, it } from "vitest";
import { assessSolution } from "../assess";
import { computeKpis } from "../kpis";
import { DAY, H, NOW, pkgArn, reliableSolution } from "../fixtures.test-helpers";
import {
  known,
  unknown,
  type DeployPipelineEvidence,
  type EndpointEvidence,
  type Known,
  type SolutionEvidence,
} from "../types";

const check = (e: SolutionEvidence) => assessSolution(e).checks.find((c) => c.id === "L-5");
const endpointsOf = (e: SolutionEvidence): EndpointEvidence[] => (e.endpoints.ok ? e.endpoints.value : []);

type Execution = DeployPipelineEvidence["executions"][number];
const pipeline = (executions: Execution[], groups = ["fraud"]): DeployPipelineEvidence => ({
  ref: { kind: "deployPipeline", id: "fraud-modeldeploy", label: "fraud-modeldeploy" },
  groups,
  executions,
});
const run = (id: string, status: string, daysAgo: number, hours = 3): Execution => ({
  id,
  status,
  startedAt: NOW - daysAgo * DAY - hours * H,
  endedAt: NOW - daysAgo * DAY,
});

/** The fixture with endpoints created by hand (no stack or project tags) and the given deploy pipelines. */
function handMade(deployPipelines?: Known<DeployPipelineEvidence[]>): SolutionEvidence {
  const base = reliableSolution();
  return {
    ...base,
    endpoints: known(endpointsOf(base).map((ep) => ({ ...ep, automated: false }))),
    ...(deployPipelines ? { deployPipelines } : {}),
  };
}

describe("L-5 deployment automated", () => {
  it("passes when the production endpoint's group has a succeeded deploy pipeline execution in the window", () => {
    const r = check(handMade(known([pipeline([run("exec-0001-aaaa", "Succeeded", 18)])])));
    expect(r?.status).toBe("pass");
    expect(r?.observed).toBe("1 of 1 (100%) automated");
    expect(r?.evidence[0]).toMatchObject({
      label: "fraud-prod: deployed by fraud-modeldeploy (execution exec-000 succeeded)",
      ref: { kind: "deployPipeline", id: "fraud-modeldeploy" },
      at: NOW - 18 * DAY,
    });
  });

  it("fails without a succeeded execution in the window, or when the pipeline deploys another group", () => {
    const none = check(handMade());
    expect(none?.status).toBe("fail");
    expect(none?.evidence[0]?.label).toBe(
      "fraud-prod: no stack, project or succeeded deploy pipeline execution",
    );
    const failedOnly = [run("e1", "Failed", 2), run("e2", "InProgress", 0), run("e3", "Stopped", 5)];
    expect(check(handMade(known([pipeline(failedOnly)])))?.status).toBe("fail");
    // 90-day window: a success 120 days ago does not count
    expect(check(handMade(known([pipeline([run("old", "Succeeded", 120)])])))?.status).toBe("fail");
    expect(check(handMade(known([pipeline([run("e", "Succeeded", 1)], ["churn"])])))?.status).toBe("fail");
  });

  it("passes on stack or project tags without reading the pipelines; unknown when they are needed and unreadable", () => {
    const tagged = { ...reliableSolution(), deployPipelines: unknown<DeployPipelineEvidence[]>("boom") };
    expect(check(tagged)?.status).toBe("pass");
    const r = check(handMade(unknown("CodePipeline: AccessDenied")));
    expect(r?.status).toBe("unknown");
    expect(r?.observed).toContain("AccessDenied");
  });
});

describe("deployment frequency with deploy pipelines", () => {
  const freq = (e: SolutionEvidence) => computeKpis([e], NOW, 28).find((k) => k.id === "deploymentFrequency");

  it("counts a config-derived deployment inside a succeeded execution's span once, and executions without one", () => {
    // the fixture's production deployments: v1 at −28 d, v2 at −18 d (one inside the execution below)
    const fixture = reliableSolution();
    const approx = (fixture.deployments.ok ? fixture.deployments.value : []).map((d) => ({
      ...d,
      approx: true,
    }));
    const base = { ...fixture, deployments: known(approx) };
    expect(freq(base)?.n).toBe(2);
    const e = {
      ...base,
      deployPipelines: known([
        pipeline([
          { id: "x18", status: "Succeeded", startedAt: NOW - 18 * DAY - 2 * H, endedAt: NOW - 18 * DAY + H },
          run("x7", "Succeeded", 7), // deployed, though no endpoint config was seen (e.g. beyond the configs read)
          run("x5", "Failed", 5),
        ]),
      ]),
    };
    const k = freq(e);
    expect(k?.n).toBe(3);
    expect(k?.value).toBe(0.75);
    // the remaining direct deployment (v1) is approx: from a config's creation time
    expect(k?.approx).toBe(true);
  });

  it("does not fold in another group's deployments, and reports an unreadable pipeline source", () => {
    const base = reliableSolution();
    const other = {
      ...base,
      deployPipelines: known([
        pipeline(
          [{ id: "x", status: "Succeeded", startedAt: NOW - 19 * DAY, endedAt: NOW - 17 * DAY }],
          ["churn"],
        ),
      ]),
    };
    expect(freq(other)?.n).toBe(3);
    const gaps = freq({ ...base, deployPipelines: unknown("CodePipeline: throttled") });
    expect(gaps?.n).toBe(2);
    expect(gaps?.partialData).toContain("CodePipeline: throttled");
    expect(pkgArn(2)).toContain("model-package/fraud/2");
  });
});
