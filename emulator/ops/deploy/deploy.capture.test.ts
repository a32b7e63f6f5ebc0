/** DescribeEndpoint answers data capture as the API's DataCaptureConfigSummary, following the deployed config. */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  DescribeEndpointCommand,
  UpdateEndpointCommand,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { waitFor } from "../registry/test-helpers";
import { seedDeploy, variant } from "../../testing/deploy";

const emu = emulatorFixture();
const describeEp = () => emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-cap-ep" }));

beforeAll(async () => {
  await seedDeploy(emu.client());
  await emu.client().send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "t-cap-cfg",
      ProductionVariants: [variant("t-dep-model-b")],
      DataCaptureConfig: {
        EnableCapture: true,
        InitialSamplingPercentage: 25,
        DestinationS3Uri: "s3://b/capture",
        KmsKeyId: "alias/capture",
        CaptureOptions: [{ CaptureMode: "Input" }],
      },
    }),
  );
}, 120_000);

describe("data capture on an endpoint", () => {
  it("is a DataCaptureConfigSummary, and goes away when the endpoint moves to a config without capture", async () => {
    await emu
      .client()
      .send(new CreateEndpointCommand({ EndpointName: "t-cap-ep", EndpointConfigName: "t-cap-cfg" }));
    await waitFor(async () => (await describeEp()).EndpointStatus === "InService");
    expect((await describeEp()).DataCaptureConfig).toEqual({
      EnableCapture: true,
      CaptureStatus: "Started",
      CurrentSamplingPercentage: 25,
      DestinationS3Uri: "s3://b/capture",
      KmsKeyId: "alias/capture",
    });
    await emu
      .client()
      .send(new UpdateEndpointCommand({ EndpointName: "t-cap-ep", EndpointConfigName: "t-dep-cfg-b" }));
    await waitFor(async () => (await describeEp()).EndpointStatus === "InService");
    expect((await describeEp()).DataCaptureConfig).toBeUndefined();
  });
});
