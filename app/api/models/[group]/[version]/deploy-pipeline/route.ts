import { route } from "@/lib/api/route";
import { VersionParams } from "@/lib/approvals/schemas";
import { deployProgress } from "@/lib/deploy-pipelines/progress";
import { findModelVersion } from "@/lib/sagemaker/registry/reads";

export const dynamic = "force-dynamic";

// GET /api/models/[group]/[version]/deploy-pipeline – how the group deploys, and this version's deploy executions
export const GET = route({ permission: "read", params: VersionParams }, async ({ params }) =>
  deployProgress(await findModelVersion(params.group, params.version)),
);
