import type { Role } from "./roles";

declare module "next-auth" {
  interface User {
    username?: string;
    role?: Role;
    /** users.session_version at sign-in (local accounts) */
    sessionVersion?: number;
  }
  interface Session {
    user: {
      id: string;
      username: string;
      name: string;
      role: Role;
      provider: "credentials" | "oidc";
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    username?: string;
    role?: Role;
    provider?: "credentials" | "oidc";
    /** the auth_sessions row this token belongs to */
    sid?: string;
  }
}
