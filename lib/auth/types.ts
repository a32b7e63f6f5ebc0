import type { Role } from "./roles";

/** What the session carries about the signed-in user. */
export interface SessionUser {
  /** Stable id: the local account id, or `oidc:<sub>`. */
  id: string;
  username: string;
  name: string;
  role: Role;
  provider: "credentials" | "oidc";
}
