import { describe, expect, it } from "vitest";
import { servedConfigAt } from "./stages-at";

const arn = (v: number) => `arn:aws:sagemaker:us-east-1:111111111111:model-package/churn/${v}`;
const history = [
  { name: "churn-staging-v1", createdAt: 1_000, servedArn: arn(1) },
  { name: "churn-staging-v2", createdAt: 2_000, servedArn: arn(2) },
  { name: "other-group", createdAt: 2_500, servedArn: "arn:aws:sagemaker:us-east-1:1:model-package/fraud/4" },
  // created by a promotion that is still rolling out (the endpoint is Updating, still on v2's config)
  { name: "churn-staging-v3", createdAt: 3_000, servedArn: arn(3) },
];

describe("what was live at T: the config that served the endpoint", () => {
  it("during an update reports the old version until the endpoint serves the new config", () => {
    expect(servedConfigAt(history, "churn-staging-v2", 3_500, "churn")?.servedArn).toBe(arn(2));
  });

  it("once the endpoint serves the new config, it counts from its creation", () => {
    expect(servedConfigAt(history, "churn-staging-v3", 3_500, "churn")?.servedArn).toBe(arn(3));
    expect(servedConfigAt(history, "churn-staging-v3", 1_500, "churn")?.servedArn).toBe(arn(1));
  });

  it("only the group's own configs; nothing before the first; an unknown current config changes nothing", () => {
    expect(servedConfigAt(history, "other-group", 2_600, "churn")?.servedArn).toBe(arn(2));
    expect(servedConfigAt(history, "churn-staging-v2", 500, "churn")).toBeUndefined();
    expect(servedConfigAt(history, undefined, 3_500, "churn")?.servedArn).toBe(arn(3));
  });
});
