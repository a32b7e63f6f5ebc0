import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions } from "./options";
import { isRole } from "./roles";
import type { SessionUser } from "./types";

/** The signed-in user of the current request, or null. Memoised per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const u = session?.user;
  if (!u || !isRole(u.role)) return null;
  return { id: u.id, username: u.username, name: u.name, role: u.role, provider: u.provider };
});
