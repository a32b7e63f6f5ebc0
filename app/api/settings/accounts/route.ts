import { route } from "@/lib/api/route";
import { accountsForSettings } from "@/lib/sagemaker/accounts/settings";

export const dynamic = "force-dynamic";

// GET /api/settings/accounts – the configured AWS accounts: how each is reached (never the external id),
// whether it is reachable now, SageDeck's identity there and the last error (admin)
export const GET = route({ permission: "settings.read" }, async () => ({
  accounts: await accountsForSettings(),
}));
