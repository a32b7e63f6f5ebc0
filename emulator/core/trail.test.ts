/**
 * GET /_emulator/trail over HTTP: writes of every service on the port are recorded, reads of none — SageMaker's,
 * Application Auto Scaling's and CodePipeline's (their operations arrive prefixed) — as a CloudTrail trail
 * filtered to write management events would.
 */
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { AddTagsCommand, ListEndpointsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";
import { codePipeline } from "../codepipeline/test-helpers";

const emu = emulatorFixture();

interface Event {
  eventName: string;
  eventSource: string;
}

async function trail(): Promise<Event[]> {
  const r = await fetch(`${emu.handle().endpoint}/_emulator/trail`);
  return ((await r.json()) as { events: Event[] }).events;
}

describe("the trail", () => {
  it("records writes of every service and leaves out their reads", async () => {
    await fetch(`${emu.handle().endpoint}/_emulator/trail`, { method: "DELETE" });
    const aas = new ApplicationAutoScalingClient({
      endpoint: emu.handle().endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const target = { ServiceNamespace: "sagemaker" as const };
    await aas.send(new DescribeScalableTargetsCommand(target));
    await aas.send(new DescribeScalingPoliciesCommand(target));
    await codePipeline(emu.handle()).send(new ListPipelinesCommand({}));
    await emu.client().send(new ListEndpointsCommand({}));
    // writes, one per service (a refused one is recorded with its error code)
    await aas
      .send(
        new RegisterScalableTargetCommand({
          ...target,
          ResourceId: "endpoint/no-such-endpoint/variant/AllTraffic",
          ScalableDimension: "sagemaker:variant:DesiredInstanceCount",
          MinCapacity: 1,
          MaxCapacity: 2,
        }),
      )
      .catch(() => undefined);
    await emu
      .client()
      .send(
        new AddTagsCommand({
          ResourceArn: "arn:aws:sagemaker:us-east-1:123456789012:endpoint/no-such-endpoint",
          Tags: [{ Key: "k", Value: "v" }],
        }),
      )
      .catch(() => undefined);
    expect((await trail()).map((e) => [e.eventName, e.eventSource])).toEqual([
      ["application-autoscaling:RegisterScalableTarget", "application-autoscaling.amazonaws.com"],
      ["AddTags", "sagemaker.amazonaws.com"],
    ]);
  });

  it("records each write's parameters; an answer lost after the write (a fault with after) is a write done", async () => {
    await fetch(`${emu.handle().endpoint}/_emulator/trail`, { method: "DELETE" });
    await fetch(`${emu.handle().endpoint}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({
        operation: "AddTags",
        count: 1,
        mix: [{ errorCode: "InternalFailure", errorRate: 1, after: true }],
      }),
    });
    const endpoints = await emu.client().send(new ListEndpointsCommand({ MaxResults: 1 }));
    const arn = endpoints.Endpoints?.[0]?.EndpointArn ?? "";
    const tags = [{ Key: "lost", Value: "answer" }];
    const lost = await emu
      .handle()
      .client({ maxAttempts: 1 })
      .send(new AddTagsCommand({ ResourceArn: arn, Tags: tags }))
      .then(
        () => "answered",
        (err: Error) => err.name,
      );
    expect(lost).toBe("InternalFailure");
    const events = (await (await fetch(`${emu.handle().endpoint}/_emulator/trail`)).json()) as {
      events: { eventName: string; errorCode?: string; requestParameters?: unknown }[];
    };
    expect(events.events).toEqual([
      expect.objectContaining({ eventName: "AddTags", requestParameters: { ResourceArn: arn, Tags: tags } }),
    ]);
    expect(events.events[0]?.errorCode).toBeUndefined();
  });
});
