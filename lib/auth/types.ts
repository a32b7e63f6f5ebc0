import type { TokenRef } from "@/lib/audit/via-token";
import type { Permission } from "./permissions";
import type { Role } from "./roles";

/** What the session carries about the signed-in user. */
export interface SessionUser {
  /** Stable id: the local account id, or `oidc:<sub>` (`token:<id>` for a service token). */
  id: string;
  username: string;
  name: string;
  role: Role;
  provider: "credentials" | "oidc";
  /** Set when the request authenticated with an API token (`Authorization: Bearer`), never for cookies. */
  token?: TokenRef;
  /** A service token's scope: only these permissions, and only while the role allows them too. */
  scopes?: readonly Permission[];
}
