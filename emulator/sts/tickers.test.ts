/** Time-driven progress (endpoint rollouts, pipeline executions) runs in every account, not only the home one. */
import { randomUUID } from "node:crypto";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreatePipelineCommand,
  DescribeEndpointCommand,
  DescribePipelineExecutionCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";
import { IMAGE, variant } from "../testing/deploy";
import { waitFor } from "../ops/registry/test-helpers";

const emu = emulatorFixture();
const production = () =>
  new SageMakerClient({
    endpoint: emu.handle().endpoint,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: "AKIDSAGEDECKPRODUCTION", secretAccessKey: "x" },
  });

describe("tickers in every account", () => {
  it("an endpoint created in production goes InService and a pipeline execution there finishes", async () => {
    const sm = production();
    await sm.send(new CreateModelCommand({ ModelName: "t-tick-model", PrimaryContainer: { Image: IMAGE } }));
    await sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: "t-tick-cfg",
        ProductionVariants: [variant("t-tick-model")],
      }),
    );
    const ep = await sm.send(
      new CreateEndpointCommand({ EndpointName: "t-tick-ep", EndpointConfigName: "t-tick-cfg" }),
    );
    expect(ep.EndpointArn).toBe("arn:aws:sagemaker:us-east-1:333333333333:endpoint/t-tick-ep");
    await waitFor(
      async () =>
        (await sm.send(new DescribeEndpointCommand({ EndpointName: "t-tick-ep" }))).EndpointStatus ===
        "InService",
      30_000,
    );
    await sm.send(
      new CreatePipelineCommand({
        PipelineName: "t-tick-pipe",
        RoleArn: "arn:aws:iam::333333333333:role/SageMakerPipelineExecutionRole",
        PipelineDefinition: JSON.stringify({
          Version: "2020-12-01",
          Steps: [{ Name: "Stop", Type: "Fail", Arguments: { ErrorMessage: "by design" } }],
        }),
      }),
    );
    const run = await sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: "t-tick-pipe",
        ClientRequestToken: randomUUID(),
      }),
    );
    expect(run.PipelineExecutionArn).toContain(":333333333333:pipeline/t-tick-pipe/execution/");
    await waitFor(async () => {
      const d = await sm.send(
        new DescribePipelineExecutionCommand({ PipelineExecutionArn: run.PipelineExecutionArn }),
      );
      return d.PipelineExecutionStatus === "Failed";
    }, 30_000);
  }, 90_000);
});
