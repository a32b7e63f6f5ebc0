/** The modeldeploy pipeline declaration of a seeded solution (the SageMaker MLOps template's stages and actions). */
import type { JsonObject } from "../core/json";
import type { SolutionSpec } from "./org";
import { BUCKET } from "./registry/common";

export interface Where {
  staging: string;
  production: string;
}

const action = (
  name: string,
  category: string,
  provider: string,
  configuration: Record<string, string>,
  runOrder = 1,
): JsonObject => ({
  name,
  actionTypeId: { category, owner: "AWS", provider, version: "1" },
  runOrder,
  configuration,
});

export function declaration(s: SolutionSpec, name: string, group: string, where: Where): JsonObject {
  const deployRole = (account: string) => `arn:aws:iam::${account}:role/SageDeckRole`;
  return {
    name,
    roleArn: `arn:aws:iam::${where.staging === where.production ? where.staging : "123456789012"}:role/service-role/AmazonSageMakerServiceCatalogProductsCodePipelineRole`,
    artifactStore: { type: "S3", location: "sagedeck-demo-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          action("ModelDeployInfraCode", "Source", "CodeCommit", {
            RepositoryName: `${name}-code`,
            BranchName: "main",
            PollForSourceChanges: "false",
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
          {
            ...action("DeployResourcesStaging", "Deploy", "CloudFormation", {
              ActionMode: "REPLACE_ON_FAILURE",
              StackName: `${name}-deploy-staging`,
              EmulatorEndpointName: s.endpoints.staging ?? "",
              EmulatorModelPackageGroupName: group,
              EmulatorInstanceType: "ml.m5.large",
              EmulatorInstanceCount: "1",
            }),
            roleArn: deployRole(where.staging),
          },
          action(
            "TestStaging",
            "Test",
            "CodeBuild",
            { ProjectName: `${name}-test`, EmulatorTestResult: "Succeeded" },
            2,
          ),
          action(
            "ApproveDeployment",
            "Approval",
            "Manual",
            {
              CustomData: `Approve ${s.displayName} for production (staging endpoint ${s.endpoints.staging ?? ""})`,
            },
            3,
          ),
        ],
      },
      {
        name: "DeployProd",
        actions: [
          {
            ...action("DeployResourcesProd", "Deploy", "CloudFormation", {
              ActionMode: "REPLACE_ON_FAILURE",
              StackName: `${name}-deploy-prod`,
              EmulatorEndpointName: s.endpoints.production ?? "",
              EmulatorModelPackageGroupName: group,
              EmulatorInstanceType: "ml.m5.xlarge",
              EmulatorInstanceCount: "2",
              // production keeps capturing the data its monitoring schedules read
              ...(s.monitoring && s.endpoints.production
                ? {
                    EmulatorDataCaptureS3Uri: `s3://${BUCKET}/${s.endpoints.production}/data-capture`,
                    EmulatorDataCapturePercentage: "20",
                  }
                : {}),
            }),
            roleArn: deployRole(where.production),
          },
        ],
      },
    ],
  };
}
