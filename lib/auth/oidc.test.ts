import { describe, expect, it } from "vitest";
import { parseRoleMap } from "@/lib/config/role-map";
import { oidcProvider } from "./oidc";

const provider = oidcProvider({
  issuer: "https://id.example.com/realms/ml",
  clientId: "sagedeck",
  clientSecret: "s3cret",
  groupsClaim: "groups",
  roleMap: parseRoleMap("ml-approvers=approver,ml-admins=admin"),
});

type Profile = (p: Record<string, unknown>) => { id: string; name: string; username: string; role?: string };
const profile = (provider as unknown as { profile: Profile }).profile;

describe("OIDC provider", () => {
  it("discovers the issuer's endpoints and uses PKCE + state", () => {
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://id.example.com/realms/ml/.well-known/openid-configuration",
      checks: ["pkce", "state"],
    });
  });

  it("maps the groups claim to the strongest role", () => {
    const user = profile({
      sub: "u-1",
      name: "Pat",
      preferred_username: "pat",
      groups: ["ml-approvers", "ml-admins"],
    });
    expect(user).toMatchObject({ id: "u-1", name: "Pat", username: "pat", role: "admin" });
  });

  it("accepts a space-separated groups string", () => {
    expect(profile({ sub: "u-2", email: "a@b.c", groups: "x ml-approvers" }).role).toBe("approver");
  });

  it("leaves the role empty when no group matches, so sign-in is refused", () => {
    expect(profile({ sub: "u-3", groups: ["others"] }).role).toBeUndefined();
  });

  it("reads the groups from the configured claim, e.g. Cognito's cognito:groups or Entra ID's roles", () => {
    for (const claim of ["cognito:groups", "roles"]) {
      const p = oidcProvider({
        issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
        clientId: "c",
        clientSecret: "s",
        groupsClaim: claim,
        roleMap: parseRoleMap("ml-admins=admin"),
      }) as unknown as { profile: Profile };
      expect(p.profile({ sub: "u-4", [claim]: ["ml-admins"], groups: [] }).role).toBe("admin");
      expect(p.profile({ sub: "u-5", groups: ["ml-admins"] }).role).toBeUndefined();
    }
  });
});
