import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createUserAsAdmin } from "@/lib/users/create";
import { listUsers, NewUserInput } from "@/lib/db/users";

export const dynamic = "force-dynamic";

// GET /api/users – local accounts (admin)
export const GET = route({ permission: "users.manage" }, async () => ({
  users: await listUsers(await getDb()),
}));

// POST /api/users – create a local account (admin); an Idempotency-Key replays the first answer
export const POST = route(
  {
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
