import { describe, expect, it } from "vitest";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { known, unknown } from "@/lib/maturity/types";
import type { TrainingJobRecord } from "@/lib/sagemaker/jobs/training-jobs";
import type { OrgSources, Tagged } from "./gather";
import { solutionOf } from "./group";
import { assignSolutions } from "./solutions";

const endpoint = (name: string, tags: Record<string, string>): StageEndpoint => ({
  account: "home",
  name,
  arn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${name}`,
  stage: "Production",
  status: "InService",
  tags,
});

describe("solution grouping", () => {
  it("prefers the project, then the team tag, then the group itself", () => {
    expect(solutionOf({ team: "search", "sagemaker:project-name": "ranking" })).toMatchObject({
      key: "ranking",
      team: "search",
      by: "project",
    });
    expect(solutionOf({ team: "risk" }, "fraud")).toMatchObject({ key: "risk", by: "tag" });
    expect(solutionOf({ owner: "x" }, "orphan")).toMatchObject({ key: "orphan", by: "group" });
    expect(solutionOf({ owner: "x" })).toBeUndefined();
    expect(solutionOf({ owner: "ops" }, undefined, "owner")).toMatchObject({ key: "ops" });
  });

  it("assigns groups, pipelines, endpoints, monitors and jobs; pipeline jobs follow their pipeline", () => {
    const org: OrgSources = {
      groups: known<Tagged[]>([
        { name: "fraud", arn: "g1", tags: { team: "risk" } },
        { name: "orphan", arn: "g2", tags: {} },
      ]),
      pipelines: known([{ name: "fraud-train", arn: "p1", tags: { team: "risk" } }]),
      endpoints: known([endpoint("fraud-prod", { team: "risk" }), endpoint("x-prod", { team: "other" })]),
      monitoring: known([{ name: "m", endpointName: "fraud-prod", status: "Scheduled" }]),
      projects: known([]),
      trainingJobs: known<TrainingJobRecord[]>([
        {
          name: "pipelines-abc-Train",
          arn: "j1",
          status: "Completed",
          createdAt: 1,
          experimentName: "fraud-train",
          metricCount: 2,
          tags: {},
        },
        {
          name: "notebook-1",
          arn: "j2",
          status: "Completed",
          createdAt: 1,
          metricCount: 0,
          tags: { team: "forecast" },
        },
        { name: "untagged", arn: "j3", status: "Completed", createdAt: 1, metricCount: 0, tags: {} },
      ]),
    };
    const scopes = assignSolutions(org);
    expect(scopes.map((s) => s.key)).toEqual(["forecast", "orphan", "other", "risk"]);
    const risk = scopes.find((s) => s.key === "risk");
    expect(risk?.groups).toEqual(known([{ name: "fraud", arn: "g1", tags: { team: "risk" } }]));
    expect(risk?.monitoring.ok && risk.monitoring.value.map((m) => m.name)).toEqual(["m"]);
    expect(risk?.trainingJobs.ok && risk.trainingJobs.value.map((j) => [j.name, j.fromPipeline])).toEqual([
      ["pipelines-abc-Train", true],
    ]);
    const forecast = scopes.find((s) => s.key === "forecast");
    expect(forecast?.trainingJobs.ok && forecast.trainingJobs.value.map((j) => j.fromPipeline)).toEqual([
      false,
    ]);
  });

  it("keeps an unreadable source unknown for every solution", () => {
    const org: OrgSources = {
      groups: known([{ name: "fraud", arn: "g1", tags: { team: "risk" } }]),
      pipelines: unknown("AccessDenied"),
      endpoints: known([]),
      monitoring: known([]),
      projects: known([]),
      trainingJobs: known([]),
    };
    const [risk] = assignSolutions(org);
    expect(risk?.pipelines).toEqual(unknown("AccessDenied"));
  });

  it("an endpoint is its account and name: the same name in two accounts can be two solutions' endpoints", () => {
    const org: OrgSources = {
      groups: known([]),
      pipelines: known([]),
      endpoints: known([
        { ...endpoint("shared-prod", { team: "risk" }), account: "production" },
        { ...endpoint("shared-prod", { team: "growth" }), account: "development" },
      ]),
      monitoring: known([
        { name: "m-prod", endpointName: "shared-prod", status: "Scheduled", account: "production" },
        { name: "m-dev", endpointName: "shared-prod", status: "Scheduled", account: "development" },
      ]),
      projects: known([]),
      trainingJobs: known([]),
    };
    const scopes = assignSolutions(org);
    const of = (key: string) => scopes.find((s) => s.key === key);
    expect(of("risk")?.endpoints.ok && of("risk")?.endpoints).toMatchObject({
      value: [{ account: "production" }],
    });
    expect(of("risk")?.monitoring.ok && of("risk")?.monitoring).toMatchObject({
      value: [{ name: "m-prod" }],
    });
    expect(of("growth")?.monitoring).toMatchObject({ value: [{ name: "m-dev" }] });
  });
});
