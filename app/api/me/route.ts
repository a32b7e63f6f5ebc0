import { route } from "@/lib/api/route";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { permissionRefusal } from "@/lib/auth/tokens/resolve";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary:
      "The signed-in user (or the API token's user, with `token` and a service token's `scopes`) and what they may do",
    permission: "read",
  },
  ({ user }) => {
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (p) => permissionRefusal(user, p) === null,
    );
    return Promise.resolve({ user, permissions });
  },
);
