import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createUserAsAdmin } from "@/lib/users/create";
import { listUsers, NewUserInput } from "@/lib/db/users";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Local accounts (admin)", permission: "users.manage" }, async () => ({
  users: await listUsers(await getDb()),
}));

export const POST = route(
  {
    summary: "Create a local account (admin); an Idempotency-Key replays the first answer",
    permission: "users.manage",
    body: NewUserInput,
    // the password stays out of the stored request fingerprint
    idempotent: { fingerprint: (b) => ({ ...(b as object), password: undefined }) },
  },
  async ({ user, body, requestId }) => {
    const created = await createUserAsAdmin({ db: await getDb(), user, requestId }, body);
    return Response.json({ user: created }, { status: 201 });
  },
);
