/** A deploy pipeline in the emulator for a test group: the MLOps template's stages, linked by `mlops:deploy-pipeline`. */
import { CodePipelineClient, CreatePipelineCommand, type ActionCategory } from "@aws-sdk/client-codepipeline";
import { AddTagsCommand, ListModelPackageGroupsCommand } from "@aws-sdk/client-sagemaker";
import { clientAs } from "./decisions-fixtures";

const action = (
  name: string,
  category: ActionCategory,
  provider: string,
  configuration: Record<string, string>,
  runOrder = 1,
) => ({
  name,
  actionTypeId: { category, owner: "AWS" as const, provider, version: "1" },
  runOrder,
  configuration,
});

export async function createDeployPipeline(url: string, group: string, pipeline: string): Promise<void> {
  const cp = new CodePipelineClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: "admin", secretAccessKey: "test-secret" },
    maxAttempts: 1,
  });
  const deploy = (stage: string, endpoint: string) =>
    action(`DeployResources${stage}`, "Deploy", "CloudFormation", {
      ActionMode: "REPLACE_ON_FAILURE",
      StackName: `${pipeline}-${stage}`,
      EmulatorEndpointName: endpoint,
      EmulatorModelPackageGroupName: group,
    });
  await cp.send(
    new CreatePipelineCommand({
      pipeline: {
        name: pipeline,
        roleArn: "arn:aws:iam::123456789012:role/service-role/CodePipelineRole",
        artifactStore: { type: "S3", location: "test-artifacts" },
        stages: [
          {
            name: "Source",
            actions: [
              action("Code", "Source", "CodeCommit", { RepositoryName: pipeline, BranchName: "main" }),
            ],
          },
          {
            name: "DeployStaging",
            actions: [
              deploy("Staging", `${group}-staging`),
              action("TestStaging", "Test", "CodeBuild", { ProjectName: `${pipeline}-test` }, 2),
              action("ApproveDeployment", "Approval", "Manual", {}, 3),
            ],
          },
          { name: "DeployProd", actions: [deploy("Prod", `${group}-prod`)] },
        ],
      },
    }),
  );
  const sm = clientAs(url, "admin");
  const groups = await sm.send(new ListModelPackageGroupsCommand({ NameContains: group, MaxResults: 100 }));
  const arn = groups.ModelPackageGroupSummaryList?.find(
    (g) => g.ModelPackageGroupName === group,
  )?.ModelPackageGroupArn;
  await sm.send(
    new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "mlops:deploy-pipeline", Value: pipeline }] }),
  );
}
