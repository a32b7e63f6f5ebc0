import { route } from "@/lib/api/route";
import { PERMISSIONS, can, type Permission } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

// GET /api/me – the signed-in user and what they may do
export const GET = route({ permission: "read" }, ({ user }) => {
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(user.role, p));
  return Promise.resolve({ user, permissions });
});
