import { route } from "@/lib/api/route";
import { accountsForSettings } from "@/lib/sagemaker/accounts/settings";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary:
      "The configured AWS accounts: how each is reached (never the external id), whether it is reachable now, SageDeck's identity there and the last error (admin)",
    permission: "settings.read",
  },
  async () => ({
    accounts: await accountsForSettings(),
  }),
);
