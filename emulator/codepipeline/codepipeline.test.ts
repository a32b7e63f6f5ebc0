/**
 * CodePipeline conformance through @aws-sdk/client-codepipeline (EMULATOR_SPEED=100): the registry approval
 * starts the linked deploy pipeline, the manual gate's token round trip, a stale or used token refused with
 * AWS's errors, a rejected gate failing the execution, stop and stage retry. Every answer is model-checked.
 */
import {
  CreatePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type CodePipelineClient,
} from "@aws-sdk/client-codepipeline";
import { DescribeEndpointCommand, UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../tests/helpers/wait";
import { emulatorFixture } from "../testing/fixture";
import { expectError } from "../ops/registry/test-helpers";
import { codePipeline, deployPipeline, registerVersion } from "./test-helpers";

const emu = emulatorFixture();
let cp: CodePipelineClient;
const DEPLOY = "sagemaker-t-cp-modeldeploy";

const gate = async (name: string, executionId?: string) =>
  waitFor(
    async () => {
      const s = await cp.send(new GetPipelineStateCommand({ name }));
      const a = s.stageStates
        ?.find((x) => x.stageName === "DeployStaging")
        ?.actionStates?.find((x) => x.actionName === "ApproveDeployment");
      const latest = a?.latestExecution;
      const stage = s.stageStates?.find((x) => x.stageName === "DeployStaging")?.latestExecution;
      if (executionId && stage?.pipelineExecutionId !== executionId) return undefined;
      return latest?.status === "InProgress" && latest.token ? latest.token : undefined;
    },
    { what: `the approval gate of ${name}`, timeoutMs: 30_000 },
  );

const finished = (name: string, id: string) =>
  waitFor(
    async () => {
      const e = await cp.send(
        new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }),
      );
      const s = e.pipelineExecution?.status;
      return s === "InProgress" || s === "Stopping" ? undefined : s;
    },
    { what: `execution ${id} to end`, timeoutMs: 30_000 },
  );

beforeAll(() => {
  cp = codePipeline(emu.handle());
});

describe("CodePipeline", () => {
  it("creates, gets and lists a pipeline with its tags", async () => {
    const created = await cp.send(
      new CreatePipelineCommand({
        pipeline: deployPipeline(DEPLOY, "t-cp-group"),
        tags: [{ key: "team", value: "t" }],
      }),
    );
    expect(created.pipeline?.version).toBe(1);
    const got = await cp.send(new GetPipelineCommand({ name: DEPLOY }));
    expect(got.metadata?.pipelineArn).toBe(`arn:aws:codepipeline:us-east-1:123456789012:${DEPLOY}`);
    expect(got.pipeline?.stages?.map((s) => s.name)).toEqual([
      "Source",
      "Build",
      "DeployStaging",
      "DeployProd",
    ]);
    const list = await cp.send(new ListPipelinesCommand({}));
    expect(list.pipelines?.some((p) => p.name === DEPLOY)).toBe(true);
    const tags = await cp.send(new ListTagsForResourceCommand({ resourceArn: got.metadata?.pipelineArn }));
    expect(tags.tags).toEqual([{ key: "team", value: "t" }]);
    await expectError(
      cp.send(new CreatePipelineCommand({ pipeline: deployPipeline(DEPLOY, "x") })),
      "PipelineNameInUseException",
    );
    await expectError(
      cp.send(new GetPipelineCommand({ name: "nope" })),
      "PipelineNotFoundException",
      "does not have a pipeline with name 'nope'",
    );
  });

  it("approving a version in the project's group starts its deploy pipeline; the gate's token approves production", async () => {
    const sm = emu.client();
    const version = await registerVersion(sm, "t-cp-group", "t-cp");
    expect(
      (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: DEPLOY }))).pipelineExecutionSummaries,
    ).toEqual([]);
    await sm.send(
      new UpdateModelPackageCommand({ ModelPackageArn: version, ModelApprovalStatus: "Approved" }),
    );
    const [exec] =
      (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: DEPLOY })))
        .pipelineExecutionSummaries ?? [];
    expect(exec?.trigger?.triggerType).toBe("CloudWatchEvent");
    const id = exec?.pipelineExecutionId ?? "";
    const token = await gate(DEPLOY, id);
    const staging = await sm.send(new DescribeEndpointCommand({ EndpointName: `${DEPLOY}-staging` }));
    expect(staging.EndpointStatus).toBe("InService");
    const actions = await cp.send(
      new ListActionExecutionsCommand({ pipelineName: DEPLOY, filter: { pipelineExecutionId: id } }),
    );
    const deployed = actions.actionExecutionDetails?.find((a) => a.actionName === "DeployResourcesStaging");
    expect(deployed?.status).toBe("Succeeded");
    expect(deployed?.output?.outputVariables?.ModelPackageArn).toBe(version);
    expect(actions.actionExecutionDetails?.some((a) => a.actionName === "DeployResourcesProd")).toBe(false);

    const answer = {
      pipelineName: DEPLOY,
      stageName: "DeployStaging",
      actionName: "ApproveDeployment",
      token,
    };
    const approved = await cp.send(
      new PutApprovalResultCommand({
        ...answer,
        result: { status: "Approved", summary: "metrics beat production" },
      }),
    );
    expect(approved.approvedAt).toBeInstanceOf(Date);
    await expectError(
      cp.send(
        new PutApprovalResultCommand({ ...answer, result: { status: "Rejected", summary: "too late" } }),
      ),
      "ApprovalAlreadyCompletedException",
    );
    await expectError(
      cp.send(
        new PutApprovalResultCommand({
          ...answer,
          token: "00000000-0000-4000-a000-000000000000",
          result: { status: "Approved", summary: "x" },
        }),
      ),
      "InvalidApprovalTokenException",
    );
    expect(await finished(DEPLOY, id)).toBe("Succeeded");
    const prod = await sm.send(new DescribeEndpointCommand({ EndpointName: `${DEPLOY}-prod` }));
    expect(prod.EndpointStatus).toBe("InService");
    expect(prod.ProductionVariants?.[0]?.CurrentInstanceCount).toBe(2);
    // the template's data capture is deployed with it (production monitoring reads it)
    expect(prod.DataCaptureConfig).toMatchObject({
      EnableCapture: true,
      CurrentSamplingPercentage: 20,
      DestinationS3Uri: `s3://sagedeck-demo-artifacts/${DEPLOY}-prod/data-capture`,
    });
    const state = await cp.send(new GetPipelineStateCommand({ name: DEPLOY }));
    const gateState = state.stageStates?.[2]?.actionStates?.find(
      (a) => a.actionName === "ApproveDeployment",
    )?.latestExecution;
    expect(gateState?.status).toBe("Succeeded");
    expect(gateState?.summary).toBe("metrics beat production");
    expect(gateState?.token).toBeUndefined();
    expect(gateState?.lastUpdatedBy).toMatch(/^arn:aws:sts::123456789012:assumed-role\//);
  }, 60_000);

  it("a rejected gate fails the stage and the execution; production is not deployed", async () => {
    const { pipelineExecutionId: id = "" } = await cp.send(
      new StartPipelineExecutionCommand({ name: DEPLOY }),
    );
    const token = await gate(DEPLOY, id);
    await cp.send(
      new PutApprovalResultCommand({
        pipelineName: DEPLOY,
        stageName: "DeployStaging",
        actionName: "ApproveDeployment",
        token,
        result: { status: "Rejected", summary: "latency regression on staging" },
      }),
    );
    expect(await finished(DEPLOY, id)).toBe("Failed");
    const state = await cp.send(new GetPipelineStateCommand({ name: DEPLOY }));
    expect(state.stageStates?.[2]?.latestExecution).toMatchObject({
      pipelineExecutionId: id,
      status: "Failed",
    });
    expect(state.stageStates?.[3]?.latestExecution?.pipelineExecutionId).not.toBe(id);
    const actions = await cp.send(
      new ListActionExecutionsCommand({ pipelineName: DEPLOY, filter: { pipelineExecutionId: id } }),
    );
    expect(actions.actionExecutionDetails?.some((a) => a.stageName === "DeployProd")).toBe(false);
    await expectError(
      cp.send(
        new PutApprovalResultCommand({
          pipelineName: DEPLOY,
          stageName: "DeployStaging",
          actionName: "ApproveDeployment",
          token,
          result: { status: "Approved", summary: "changed my mind" },
        }),
      ),
      "ApprovalAlreadyCompletedException",
    );
  }, 60_000);

  it("failed staging tests fail the execution; a retry of the stage runs the failed action again", async () => {
    const name = "t-cp-failing-tests";
    await cp.send(
      new CreatePipelineCommand({ pipeline: deployPipeline(name, "t-cp-group", { test: "Failed" }) }),
    );
    const { pipelineExecutionId: id = "" } = await cp.send(new StartPipelineExecutionCommand({ name }));
    expect(await finished(name, id)).toBe("Failed");
    const details = async () =>
      (
        await cp.send(
          new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }),
        )
      ).actionExecutionDetails ?? [];
    const failed = (await details()).find((a) => a.actionName === "TestStaging");
    expect(failed?.status).toBe("Failed");
    expect(failed?.output?.executionResult?.errorDetails?.message).toContain(
      "accuracy on the staging endpoint",
    );
    await cp.send(
      new RetryStageExecutionCommand({
        pipelineName: name,
        stageName: "DeployStaging",
        pipelineExecutionId: id,
        retryMode: "FAILED_ACTIONS",
      }),
    );
    expect(await finished(name, id)).toBe("Failed");
    expect((await details()).filter((a) => a.actionName === "TestStaging")).toHaveLength(2);
    expect((await details()).filter((a) => a.actionName === "DeployResourcesStaging")).toHaveLength(1);
    await expectError(
      cp.send(
        new RetryStageExecutionCommand({
          pipelineName: name,
          stageName: "Build",
          pipelineExecutionId: id,
          retryMode: "FAILED_ACTIONS",
        }),
      ),
      "StageNotRetryableException",
    );
  }, 60_000);

  it("stops an execution (abandoning its actions) and refuses to stop it twice", async () => {
    const { pipelineExecutionId: id = "" } = await cp.send(
      new StartPipelineExecutionCommand({ name: DEPLOY }),
    );
    await cp.send(
      new StopPipelineExecutionCommand({
        pipelineName: DEPLOY,
        pipelineExecutionId: id,
        abandon: true,
        reason: "wrong commit",
      }),
    );
    expect(await finished(DEPLOY, id)).toBe("Stopped");
    const [summary] =
      (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: DEPLOY, maxResults: 1 })))
        .pipelineExecutionSummaries ?? [];
    expect(summary).toMatchObject({
      pipelineExecutionId: id,
      status: "Stopped",
      stopTrigger: { reason: "wrong commit" },
    });
    await expectError(
      cp.send(new StopPipelineExecutionCommand({ pipelineName: DEPLOY, pipelineExecutionId: id })),
      "PipelineExecutionNotStoppableException",
    );
  });
});
