import type { Provider } from "next-auth/providers/index";
import type { Config } from "@/lib/config";
import { roleForGroups } from "@/lib/config/role-map";

type OidcConfig = NonNullable<Config["auth"]["oidc"]>;

function groupsFrom(profile: Record<string, unknown>, claim: string): string[] {
  const value = profile[claim];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  if (typeof value === "string") return value.split(/[,\s]+/).filter(Boolean);
  return [];
}

/** Generic OpenID Connect (Cognito, Okta, Entra ID, Keycloak…). The groups claim decides the role. */
export function oidcProvider(oidc: OidcConfig): Provider {
  return {
    id: "oidc",
    name: "Single sign-on",
    type: "oauth",
    wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: Record<string, unknown>) {
      const sub = typeof profile.sub === "string" ? profile.sub : "";
      const str = (k: string) => (typeof profile[k] === "string" ? profile[k] : undefined);
      const username = str("preferred_username") ?? str("email") ?? sub;
      return {
        id: sub,
        name: str("name") ?? username,
        email: str("email") ?? null,
        username,
        role: roleForGroups(groupsFrom(profile, oidc.groupsClaim), oidc.roleMap) ?? undefined,
      };
    },
  };
}
