/**
 * The seeded deployment path (issue 16): the Reliable and Scalable solutions' deploy pipelines with approved,
 * rejected and failed-tests executions and a gate waiting now; their production endpoints autoscale.
 */
import {
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  type CodePipelineClient,
} from "@aws-sdk/client-codepipeline";
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";
import { codePipeline } from "../codepipeline/test-helpers";

const emu = emulatorFixture();
let cp: CodePipelineClient;
const PIPELINES = [
  "fraud-detection-modeldeploy",
  "sagemaker-recsys-ranking-modeldeploy",
  "sagemaker-search-ranking-modeldeploy",
];

beforeAll(() => {
  cp = codePipeline(emu.handle());
});

describe("seeded deploy pipelines", () => {
  it("hold approved, rejected and failed-tests executions, and one gate waiting now", async () => {
    const names = (await cp.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name);
    expect(names).toEqual(PIPELINES);
    let waiting = 0;
    const outcomes = new Set<string>();
    for (const name of PIPELINES) {
      const execs =
        (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: name })))
          .pipelineExecutionSummaries ?? [];
      expect(execs.length).toBeGreaterThan(2);
      for (const e of execs.slice(0, 20)) {
        const actions =
          (
            await cp.send(
              new ListActionExecutionsCommand({
                pipelineName: name,
                filter: { pipelineExecutionId: e.pipelineExecutionId },
              }),
            )
          ).actionExecutionDetails ?? [];
        const failed = actions.find((a) => a.status === "Failed");
        if (e.status === "Succeeded") outcomes.add("approved");
        else if (failed?.actionName === "ApproveDeployment") outcomes.add("rejected");
        else if (failed?.actionName === "TestStaging") outcomes.add("tests");
      }
      const state = await cp.send(new GetPipelineStateCommand({ name }));
      const gate = state.stageStates
        ?.find((s) => s.stageName === "DeployStaging")
        ?.actionStates?.find((a) => a.actionName === "ApproveDeployment");
      if (gate?.latestExecution?.status === "InProgress" && gate.latestExecution.token) waiting++;
    }
    expect([...outcomes].sort()).toEqual(["approved", "rejected", "tests"]);
    expect(waiting).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("autoscales the production endpoints with target tracking and a history of activities", async () => {
    const aas = new ApplicationAutoScalingClient({
      endpoint: emu.handle().endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const targets =
      (await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "sagemaker" })))
        .ScalableTargets ?? [];
    expect(targets.map((t) => t.ResourceId).sort()).toEqual([
      "endpoint/fraud-detection-prod/variant/AllTraffic",
      "endpoint/recsys-ranking-prod/variant/AllTraffic",
      "endpoint/search-ranking-prod/variant/AllTraffic",
    ]);
    const policies =
      (await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "sagemaker" })))
        .ScalingPolicies ?? [];
    expect(
      policies.map(
        (p) =>
          p.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification?.PredefinedMetricType,
      ),
    ).toEqual(Array(3).fill("SageMakerVariantInvocationsPerInstance"));
    const acts =
      (
        await aas.send(
          new DescribeScalingActivitiesCommand({
            ServiceNamespace: "sagemaker",
            ResourceId: "endpoint/fraud-detection-prod/variant/AllTraffic",
          }),
        )
      ).ScalingActivities ?? [];
    expect(acts.length).toBeGreaterThan(1);
    const ep = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "fraud-detection-prod" }));
    const desired = ep.ProductionVariants?.[0]?.DesiredInstanceCount ?? 0;
    expect(desired).toBeGreaterThanOrEqual(2);
    expect(desired).toBeLessThanOrEqual(6);
  });
});
