import { describe, expect, it } from "vitest";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { known } from "@/lib/maturity/types";
import type { OrgSources, Tagged } from "./gather";
import { mostCommon, solutionName } from "./names";
import { assignSolutions } from "./solutions";

const NAME = "sagedeck:solution-name";

const endpoint = (name: string, tags: Record<string, string>): StageEndpoint => ({
  account: "home",
  name,
  arn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${name}`,
  stage: "Production",
  status: "InService",
  tags,
});

function org(over: Partial<OrgSources> = {}): OrgSources {
  return {
    groups: known([]),
    pipelines: known([]),
    endpoints: known([]),
    monitoring: known([]),
    projects: known([]),
    trainingJobs: known([]),
    ...over,
  };
}

describe("solution names", () => {
  it("takes the most common value, the first seen on a tie, ignoring blanks", () => {
    expect(mostCommon(["b", "a", "a", undefined, " "])).toBe("a");
    expect(mostCommon(["Churn", "Customer churn"])).toBe("Churn");
    expect(mostCommon([undefined, ""])).toBeUndefined();
  });

  it("prefers the resources' name tag, then the jobs', then the project name, then the key", () => {
    const tagged = {
      key: "growth",
      resourceTags: [{ [NAME]: "Customer churn" }],
      jobTags: [{ [NAME]: "x" }],
    };
    expect(solutionName(tagged, NAME)).toBe("Customer churn");
    expect(
      solutionName({ key: "supply-chain", resourceTags: [], jobTags: [{ [NAME]: "Demand" }] }, NAME),
    ).toBe("Demand");
    expect(solutionName({ key: "p", resourceTags: [{}], jobTags: [], projectName: "ranking" }, NAME)).toBe(
      "ranking",
    );
    expect(solutionName({ key: "risk", resourceTags: [{ team: "risk" }], jobTags: [] }, NAME)).toBe("risk");
  });

  it("names each solution from its resources without changing its key, and sorts by name", () => {
    const scopes = assignSolutions(
      org({
        groups: known<Tagged[]>([
          { name: "churn-xgboost", arn: "g1", tags: { team: "growth", [NAME]: "Customer churn" } },
          { name: "churn-uplift", arn: "g2", tags: { team: "growth", [NAME]: "Churn uplift" } },
          { name: "fraud", arn: "g3", tags: { team: "risk" } },
        ]),
        pipelines: known([
          { name: "churn-train", arn: "p1", tags: { team: "growth", [NAME]: "Customer churn" } },
        ]),
        endpoints: known([endpoint("churn-prod", { team: "growth", [NAME]: "Customer churn" })]),
      }),
    );
    expect(scopes.map((s) => [s.key, s.name])).toEqual([
      ["growth", "Customer churn"],
      ["risk", "risk"],
    ]);
  });

  it("reads a configurable name tag, and a project's own tag wins a tie", () => {
    const scopes = assignSolutions(
      org({
        projects: known([
          {
            name: "recsys-ranking",
            id: "p-1",
            arn: "arn:aws:sagemaker:us-east-1:123456789012:project/recsys-ranking",
            status: "CreateCompleted",
            createdAt: 1,
            tags: { team: "personalization", "display-name": "Recommendations" },
          },
        ]),
        groups: known([
          {
            name: "recsys-group",
            arn: "g1",
            tags: { "sagemaker:project-name": "recsys-ranking", "display-name": "Recsys (old)" },
          },
        ]),
      }),
      { nameTag: "display-name" },
    );
    expect(scopes.map((s) => [s.key, s.name])).toEqual([["recsys-ranking", "Recommendations"]]);
    // with the default tag absent, a project's solution is called by the project's name
    expect(
      assignSolutions(
        org({ groups: known([{ name: "g", arn: "g", tags: { "sagemaker:project-name": "proj" } }]) }),
      )[0]?.name,
    ).toBe("proj");
  });
});
