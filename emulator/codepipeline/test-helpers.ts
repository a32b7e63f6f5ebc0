/** Shared by the CodePipeline conformance tests: clients, a deploy-pipeline declaration, a registered version. */
import {
  CodePipelineClient,
  type ActionCategory,
  type ActionDeclaration,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import {
  AddTagsCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorHandle } from "../testing/harness";

export const ROLE = "arn:aws:iam::123456789012:role/CodePipelineRole";

export function codePipeline(h: EmulatorHandle, accessKeyId = "test"): CodePipelineClient {
  return new CodePipelineClient({
    endpoint: h.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId, secretAccessKey: "test" },
    maxAttempts: 1,
  });
}

const action = (
  name: string,
  category: ActionCategory,
  provider: string,
  configuration: Record<string, string> = {},
  runOrder = 1,
): ActionDeclaration => ({
  name,
  actionTypeId: { category, owner: "AWS", provider, version: "1" },
  runOrder,
  configuration,
});

/** The MLOps template's modeldeploy pipeline: source, build, staging deploy + test, manual gate, production deploy. */
export function deployPipeline(
  name: string,
  group: string,
  opts: { test?: "Succeeded" | "Failed"; prodRole?: string; prefix?: string } = {},
): PipelineDeclaration {
  const prefix = opts.prefix ?? name;
  return {
    name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "sagedeck-demo-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          action("ModelDeployInfraCode", "Source", "CodeCommit", {
            RepositoryName: `${name}-code`,
            BranchName: "main",
          }),
        ],
      },
      {
        name: "Build",
        actions: [action("BuildDeploymentTemplates", "Build", "CodeBuild", { ProjectName: `${name}-build` })],
      },
      {
        name: "DeployStaging",
        actions: [
          action("DeployResourcesStaging", "Deploy", "CloudFormation", {
            ActionMode: "REPLACE_ON_FAILURE",
            StackName: `${prefix}-deploy-staging`,
            EmulatorEndpointName: `${prefix}-staging`,
            EmulatorModelPackageGroupName: group,
          }),
          action(
            "TestStaging",
            "Test",
            "CodeBuild",
            {
              ProjectName: `${name}-test`,
              EmulatorTestResult: opts.test ?? "Succeeded",
              EmulatorTestFailureMessage: "accuracy on the staging endpoint below 0.8",
            },
            2,
          ),
          action(
            "ApproveDeployment",
            "Approval",
            "Manual",
            { CustomData: "Approve to deploy to production" },
            3,
          ),
        ],
      },
      {
        name: "DeployProd",
        actions: [
          {
            ...action("DeployResourcesProd", "Deploy", "CloudFormation", {
              ActionMode: "CREATE_UPDATE",
              StackName: `${prefix}-deploy-prod`,
              EmulatorEndpointName: `${prefix}-prod`,
              EmulatorModelPackageGroupName: group,
              EmulatorInstanceCount: "2",
              EmulatorDataCaptureS3Uri: `s3://sagedeck-demo-artifacts/${prefix}-prod/data-capture`,
            }),
            ...(opts.prodRole ? { roleArn: opts.prodRole } : {}),
          },
        ],
      },
    ],
  };
}

/** A group tagged with a SageMaker project and one version waiting for approval; returns the version's ARN. */
export async function registerVersion(sm: SageMakerClient, group: string, project?: string): Promise<string> {
  const created = await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
  if (project)
    await sm.send(
      new AddTagsCommand({
        ResourceArn: created.ModelPackageGroupArn,
        Tags: [{ Key: "sagemaker:project-name", Value: project }],
      }),
    );
  const v = await sm.send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: group,
      ModelApprovalStatus: "PendingManualApproval",
      InferenceSpecification: {
        Containers: [{ Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1" }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
      },
    }),
  );
  return v.ModelPackageArn ?? "";
}
