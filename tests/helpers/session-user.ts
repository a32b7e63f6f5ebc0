import type { SessionUser } from "@/lib/auth/types";

/** A signed-in credentials user for route tests (the session module is mocked to return it). */
export const sessionUser = (username: string, role: SessionUser["role"], name = username): SessionUser => ({
  id: username,
  username,
  name,
  role,
  provider: "credentials",
});
