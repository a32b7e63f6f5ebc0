import { route } from "@/lib/api/route";
import { createServiceToken, listTokens, ServiceTokenInput } from "@/lib/auth/tokens/manage";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Live service tokens for automation (admin)", permission: "users.manage" },
  async ({ user, requestId }) => ({
    tokens: await listTokens({ db: await getDb(), user, requestId }, "service"),
  }),
);

export const POST = route(
  {
    summary: "A new service token scoped to permissions (admin); the secret is shown this once",
    permission: "users.manage",
    body: ServiceTokenInput,
  },
  async ({ user, body, requestId }) => {
    const created = await createServiceToken({ db: await getDb(), user, requestId }, body);
    return Response.json(created, { status: 201 });
  },
);
