import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { ensureReconciler } from "@/lib/approvals/reconcile";
import { VersionParams } from "@/lib/approvals/schemas";
import { getVersionPage } from "@/lib/models/version";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Details, lineage, deployments, decision history, allowed actions",
    permission: "read",
    params: VersionParams,
  },
  async ({ user, params }) => {
    ensureReconciler();
    return getVersionPage(await getDb(), user, params.group, params.version);
  },
);
