import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { ensureReconciler } from "@/lib/approvals/reconcile";
import { VersionParams } from "@/lib/approvals/schemas";
import { getVersionPage } from "@/lib/models/version";

export const dynamic = "force-dynamic";

// GET /api/models/[group]/[version] – details, lineage, deployments, decision history, allowed actions
export const GET = route({ permission: "read", params: VersionParams }, async ({ user, params }) => {
  ensureReconciler();
  return getVersionPage(await getDb(), user, params.group, params.version);
});
