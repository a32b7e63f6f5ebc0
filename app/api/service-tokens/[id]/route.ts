import { route } from "@/lib/api/route";
import { revokeToken, TokenParams } from "@/lib/auth/tokens/manage";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const DELETE = route(
  {
    summary: "Revoke a service token (admin); it stops working at once",
    permission: "users.manage",
    params: TokenParams,
  },
  async ({ user, params, requestId }) => ({
    token: await revokeToken({ db: await getDb(), user, requestId }, "service", params.id),
  }),
);
