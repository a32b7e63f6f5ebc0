/** SageMaker Projects: one page of 100, each described for its template (product id). */
import { DescribeProjectCommand, ListProjectsCommand } from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

const client = () => getSageMakerClient();

export interface ProjectRecord {
  name: string;
  id: string;
  arn: string;
  status: string;
  createdAt: number;
  productId?: string;
}

/** Every SageMaker Project (one page of 100), each described for its template (product id). */
export async function listProjectsDetailed(): Promise<ProjectRecord[]> {
  const list = await sagemakerRead({ key: "maturity:projects:list", operation: "ListProjects" }, async () => {
    const r = await client().send(new ListProjectsCommand({ MaxResults: 100 }));
    return (r.ProjectSummaryList ?? []).map((p) => p.ProjectName ?? "").filter(Boolean);
  });
  return Promise.all(
    list.map((name) =>
      sagemakerRead({ key: `maturity:project:${name}`, operation: "DescribeProject" }, async () => {
        const d = await client().send(new DescribeProjectCommand({ ProjectName: name }));
        return {
          name,
          id: d.ProjectId ?? "",
          arn: d.ProjectArn ?? "",
          status: d.ProjectStatus ?? "Pending",
          createdAt: d.CreationTime?.getTime() ?? 0,
          productId: d.ServiceCatalogProvisioningDetails?.ProductId,
        };
      }),
    ),
  );
}
