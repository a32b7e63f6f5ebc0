import { route } from "@/lib/api/route";
import { VersionParams } from "@/lib/approvals/schemas";
import { deployProgress } from "@/lib/deploy-pipelines/progress";
import { findModelVersion } from "@/lib/sagemaker/registry/reads";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "How the group deploys, and this version's deploy executions",
    permission: "read",
    params: VersionParams,
  },
  async ({ params }) => deployProgress(await findModelVersion(params.group, params.version)),
);
