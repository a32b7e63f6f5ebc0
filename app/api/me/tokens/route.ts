import { route } from "@/lib/api/route";
import { createPersonalToken, listTokens, PersonalTokenInput } from "@/lib/auth/tokens/manage";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "The signed-in person's live personal API tokens (never their secrets)", permission: "read" },
  async ({ user, requestId }) => ({
    tokens: await listTokens({ db: await getDb(), user, requestId }, "personal"),
  }),
);

export const POST = route(
  {
    summary: "A new personal token; the answer carries the secret, the only time it is shown",
    permission: "read",
    body: PersonalTokenInput,
  },
  async ({ user, body, requestId }) => {
    const created = await createPersonalToken({ db: await getDb(), user, requestId }, body);
    return Response.json(created, { status: 201 });
  },
);
