/** The write half of the every-operation smoke pass: creates, changes and deletes one resource of each kind. */
import { randomUUID } from "node:crypto";
import { items, str, type Call } from "./call";

const ROLE = "arn:aws:iam::123456789012:role/SmokeRole";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/smoke:1";
const CLUSTER = { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 };

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function writeEverything(call: Call): Promise<void> {
  await experiments(call);
  await pipelines(call);
  await registryAndDeploy(call);
  await jobsMonitoringProjects(call);
}

async function experiments(call: Call): Promise<void> {
  await call("CreateExperiment", { ExperimentName: "smoke-exp", Tags: [{ Key: "k", Value: "v" }] });
  await call("UpdateExperiment", { ExperimentName: "smoke-exp", Description: "smoke" });
  await call("CreateTrial", { TrialName: "smoke-trial", ExperimentName: "smoke-exp" });
  await call("UpdateTrial", { TrialName: "smoke-trial", DisplayName: "Smoke" });
  await call("CreateTrialComponent", {
    TrialComponentName: "smoke-tc",
    Parameters: { lr: { NumberValue: 0.1 } },
  });
  await call("UpdateTrialComponent", {
    TrialComponentName: "smoke-tc",
    Status: { PrimaryStatus: "Completed" },
  });
  await call("AssociateTrialComponent", { TrialComponentName: "smoke-tc", TrialName: "smoke-trial" });
  await call("DescribeTrialComponent", { TrialComponentName: "smoke-tc" });
  await call("DisassociateTrialComponent", { TrialComponentName: "smoke-tc", TrialName: "smoke-trial" });
  await call("DeleteTrialComponent", { TrialComponentName: "smoke-tc" });
  await call("DeleteTrial", { TrialName: "smoke-trial" });
  await call("DeleteExperiment", { ExperimentName: "smoke-exp" });
}

const definition = JSON.stringify({
  Version: "2020-12-01",
  Parameters: [{ Name: "Threshold", Type: "Float", DefaultValue: 0.5 }],
  Steps: [
    {
      Name: "Wait",
      Type: "Callback",
      SqsQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/smoke",
      OutputParameters: [{ OutputName: "answer", OutputType: "String" }],
      Arguments: { job: "wait" },
    },
  ],
});

async function pipelines(call: Call): Promise<void> {
  const name = "smoke-pipeline";
  await call("CreatePipeline", {
    PipelineName: name,
    PipelineDefinition: definition,
    RoleArn: ROLE,
    ClientRequestToken: randomUUID(),
  });
  await call("UpdatePipeline", { PipelineName: name, PipelineDescription: "smoke" });
  const start = async () =>
    str(
      (await call("StartPipelineExecution", { PipelineName: name, ClientRequestToken: randomUUID() }))
        .PipelineExecutionArn,
    );
  const waiting = (arn: string) =>
    until("the callback step", async () => {
      const s = items(
        await call("ListPipelineExecutionSteps", { PipelineExecutionArn: arn }),
        "PipelineExecutionSteps",
      );
      const step = s.find((x) => x.StepName === "Wait" && x.StepStatus === "Executing");
      const meta = step?.Metadata as { Callback?: { CallbackToken?: string } } | undefined;
      return meta?.Callback?.CallbackToken;
    });
  const status = (arn: string, ...wanted: string[]) =>
    until(`execution ${wanted.join(" or ")}`, async () => {
      const d = await call("DescribePipelineExecution", { PipelineExecutionArn: arn });
      return wanted.includes(String(d.PipelineExecutionStatus)) ? true : undefined;
    });

  const ok = await start();
  await call("SendPipelineExecutionStepSuccess", {
    CallbackToken: await waiting(ok),
    OutputParameters: [{ Name: "answer", Value: "yes" }],
  });
  await status(ok, "Succeeded");
  const bad = await start();
  await call("SendPipelineExecutionStepFailure", {
    CallbackToken: await waiting(bad),
    FailureReason: "smoke",
  });
  await status(bad, "Failed");
  await call("RetryPipelineExecution", { PipelineExecutionArn: bad, ClientRequestToken: randomUUID() });
  await waiting(bad);
  await call("StopPipelineExecution", { PipelineExecutionArn: bad, ClientRequestToken: randomUUID() });
  // a step waiting for its callback holds the execution in Stopping, as AWS documents
  await status(bad, "Stopping", "Stopped");
  await call("DescribePipelineExecution", { PipelineExecutionArn: ok });
  await call("ListPipelineExecutionSteps", { PipelineExecutionArn: ok });
  await call("DeletePipeline", { PipelineName: name, ClientRequestToken: randomUUID() });
}

async function registryAndDeploy(call: Call): Promise<void> {
  await call("CreateModelPackageGroup", { ModelPackageGroupName: "smoke-group" });
  const pkg = str(
    (
      await call("CreateModelPackage", {
        ModelPackageGroupName: "smoke-group",
        ModelApprovalStatus: "PendingManualApproval",
        InferenceSpecification: {
          Containers: [{ Image: IMAGE }],
          SupportedContentTypes: ["text/csv"],
          SupportedResponseMIMETypes: ["text/csv"],
        },
        ModelMetrics: {
          ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: "s3://b/eval.json" } },
        },
        CustomerMetadataProperties: { team: "smoke" },
      })
    ).ModelPackageArn,
  );
  await call("UpdateModelPackage", {
    ModelPackageArn: pkg,
    ModelApprovalStatus: "Approved",
    ApprovalDescription: "smoke",
    ModelLifeCycle: { Stage: "Staging", StageStatus: "Approved" },
  });
  await call("DescribeModelPackage", { ModelPackageName: pkg });
  await call("DescribeModelPackageGroup", { ModelPackageGroupName: "smoke-group" });
  await call("PutModelPackageGroupPolicy", {
    ModelPackageGroupName: "smoke-group",
    ResourcePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::222222222222:root" },
          Action: ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"],
          Resource: "arn:aws:sagemaker:us-east-1:123456789012:model-package/smoke-group/*",
        },
      ],
    }),
  });
  await call("GetModelPackageGroupPolicy", { ModelPackageGroupName: "smoke-group" });
  await call("DeleteModelPackageGroupPolicy", { ModelPackageGroupName: "smoke-group" });
  await call("CreateModel", {
    ModelName: "smoke-model",
    PrimaryContainer: { ModelPackageName: pkg },
    ExecutionRoleArn: ROLE,
  });
  const variant = {
    VariantName: "AllTraffic",
    ModelName: "smoke-model",
    InitialInstanceCount: 1,
    InstanceType: "ml.m5.large",
  };
  const capture = {
    EnableCapture: true,
    InitialSamplingPercentage: 20,
    DestinationS3Uri: "s3://b/capture",
    CaptureOptions: [{ CaptureMode: "Input" }, { CaptureMode: "Output" }],
  };
  await call("CreateEndpointConfig", {
    EndpointConfigName: "smoke-cfg",
    ProductionVariants: [variant],
    DataCaptureConfig: capture,
  });
  await call("CreateEndpointConfig", { EndpointConfigName: "smoke-cfg-2", ProductionVariants: [variant] });
  await call("CreateEndpoint", { EndpointName: "smoke-endpoint", EndpointConfigName: "smoke-cfg" });
  const inService = () =>
    until("the endpoint in service", async () => {
      const d = await call("DescribeEndpoint", { EndpointName: "smoke-endpoint" });
      return d.EndpointStatus === "InService" ? true : undefined;
    });
  await inService();
  await call("UpdateEndpoint", { EndpointName: "smoke-endpoint", EndpointConfigName: "smoke-cfg-2" });
  await call("DescribeEndpoint", { EndpointName: "smoke-endpoint" });
  await inService();
  const arn = str((await call("DescribeEndpoint", { EndpointName: "smoke-endpoint" })).EndpointArn);
  await call("AddTags", { ResourceArn: arn, Tags: [{ Key: "smoke", Value: "yes" }] });
  await call("ListTags", { ResourceArn: arn });
  await call("DeleteTags", { ResourceArn: arn, TagKeys: ["smoke"] });
  await call("DeleteEndpoint", { EndpointName: "smoke-endpoint" });
  await call("DeleteEndpointConfig", { EndpointConfigName: "smoke-cfg" });
  await call("DeleteEndpointConfig", { EndpointConfigName: "smoke-cfg-2" });
  await call("DeleteModel", { ModelName: "smoke-model" });
  await call("DeleteModelPackage", { ModelPackageName: pkg });
  await call("DeleteModelPackageGroup", { ModelPackageGroupName: "smoke-group" });
}

async function jobsMonitoringProjects(call: Call): Promise<void> {
  await call("CreateTrainingJob", {
    TrainingJobName: "smoke-train",
    AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: "File" },
    RoleArn: ROLE,
    OutputDataConfig: { S3OutputPath: "s3://b/models" },
    ResourceConfig: CLUSTER,
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    HyperParameters: { max_depth: "5" },
  });
  await call("DescribeTrainingJob", { TrainingJobName: "smoke-train" });
  await call("StopTrainingJob", { TrainingJobName: "smoke-train" });
  await call("CreateProcessingJob", {
    ProcessingJobName: "smoke-proc",
    ProcessingResources: { ClusterConfig: CLUSTER },
    AppSpecification: { ImageUri: IMAGE },
    RoleArn: ROLE,
  });
  await call("DescribeProcessingJob", { ProcessingJobName: "smoke-proc" });
  await call("StopProcessingJob", { ProcessingJobName: "smoke-proc" });
  await call("DescribeTrainingJob", { TrainingJobName: "smoke-train" });
  await call("DescribeProcessingJob", { ProcessingJobName: "smoke-proc" });

  await call("CreateMonitoringSchedule", {
    MonitoringScheduleName: "smoke-mon",
    MonitoringScheduleConfig: {
      ScheduleConfig: { ScheduleExpression: "cron(0 * ? * * *)" },
      MonitoringType: "DataQuality",
      MonitoringJobDefinition: {
        MonitoringInputs: [
          { EndpointInput: { EndpointName: "smoke-endpoint", LocalPath: "/opt/ml/processing/input" } },
        ],
        MonitoringOutputConfig: {
          MonitoringOutputs: [{ S3Output: { S3Uri: "s3://b/mon", LocalPath: "/opt/ml/processing/output" } }],
        },
        MonitoringResources: { ClusterConfig: { ...CLUSTER, VolumeSizeInGB: 20 } },
        MonitoringAppSpecification: { ImageUri: IMAGE },
        RoleArn: ROLE,
      },
    },
  });
  await call("StopMonitoringSchedule", { MonitoringScheduleName: "smoke-mon" });
  await call("StartMonitoringSchedule", { MonitoringScheduleName: "smoke-mon" });
  await call("DescribeMonitoringSchedule", { MonitoringScheduleName: "smoke-mon" });
  await call("DeleteMonitoringSchedule", { MonitoringScheduleName: "smoke-mon" });

  await call("CreateProject", {
    ProjectName: "smoke-project",
    ServiceCatalogProvisioningDetails: {
      ProductId: "prod-smoke0001",
      ProvisioningArtifactId: "pa-smoke0001",
    },
  });
  await call("DescribeProject", { ProjectName: "smoke-project" });
}
