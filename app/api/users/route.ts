import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createUserAsAdmin } from "@/lib/users/create";
import { listUsers, NewUserInput } from "@/lib/db/users";

export const dynamic = "force-dynamic";

// GET /api/users – local accounts (admin)
export const GET = route({ permission: "users.manage" }, async () => ({
  users: await listUsers(await getDb()),
}));

// POST /api/users – create a local account (admin); honours Idempotency-Key
export const POST = route(
  { permission: "users.manage", body: NewUserInput },
  async ({ req, user, body, requestId }) => {
    const result = await createUserAsAdmin({
      actor: user,
      input: body,
      requestId,
      idempotencyKey: req.headers.get("idempotency-key"),
    });
    return Response.json(result.body, {
      status: result.status,
      headers: result.replayed ? { "Idempotent-Replayed": "true" } : {},
    });
  },
);
