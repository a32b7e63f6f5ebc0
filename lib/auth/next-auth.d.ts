import type { Role } from "./roles";

declare module "next-auth" {
  interface User {
    username?: string;
    role?: Role;
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
    /** when a local account was last re-read (ms since epoch) */
    checkedAt?: number;
  }
}
