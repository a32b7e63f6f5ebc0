import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { changeUser, UserChange, UserParams } from "@/lib/users/change";

export const dynamic = "force-dynamic";

export const PATCH = route(
  {
    summary:
      "Change role, disable/enable, or set a new password (admin). A new password or disabling ends the user's sessions; a role change applies at their next request",
    permission: "users.manage",
    params: UserParams,
    body: UserChange,
  },
  async ({ user, params, body, requestId }) => ({
    user: await changeUser(await getDb(), {
      actor: { username: user.username, role: user.role },
      username: params.username,
      change: body,
      requestId,
    }),
  }),
);
