/** Accounts configuration (EMULATOR_ACCOUNTS) and how credentials resolve to a caller. */
import { describe, expect, it } from "vitest";
import { Accounts, defaultAccounts, parseAccounts } from "./accounts";
import type { CredentialsError } from "./caller";
import { issueCredentials, resolveCaller } from "./caller";

const auth = (key: string) =>
  `AWS4-HMAC-SHA256 Credential=${key}/20261202/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=x`;

describe("accounts", () => {
  it("defaults: development is the home account; staging and production have keys; unknown keys are home", () => {
    const a = new Accounts(defaultAccounts("123456789012"), "123456789012");
    expect(a.ids()).toEqual(["123456789012", "222222222222", "333333333333"]);
    expect(a.accountOfKey("AKIDSAGEDECKLOCAL")).toBe("123456789012");
    expect(a.accountOfKey("AKIDSAGEDECKSTAGING")).toBe("222222222222");
    expect(a.role("333333333333", "SageDeckRoleWithExternalId")?.externalId).toBe("sagedeck-external-id");
  });

  it("parses EMULATOR_ACCOUNTS and refuses bad entries with one line naming the problem", () => {
    const list = parseAccounts(
      JSON.stringify([
        {
          id: "444455556666",
          name: "qa",
          keys: ["AKIDQA"],
          roles: ["Deployer", { name: "X", externalId: "e1", maxSessionDuration: 7200 }],
        },
      ]),
      "123456789012",
    );
    expect(list.map((a) => a.id)).toEqual(["123456789012", "444455556666"]);
    expect(list[1]?.roles).toEqual([
      { name: "Deployer", maxSessionDuration: 3600 },
      { name: "X", externalId: "e1", maxSessionDuration: 7200 },
    ]);
    expect(() => parseAccounts("{", "1")).toThrow("EMULATOR_ACCOUNTS: is not JSON");
    expect(() => parseAccounts('[{"id":"12"}]', "1")).toThrow("[0].id '12' is not a 12-digit account id");
    expect(() =>
      parseAccounts('[{"id":"444455556666","roles":[{"name":"R","maxSessionDuration":60}]}]', "1"),
    ).toThrow("maxSessionDuration must be an integer 3600–43200");
  });

  it("resolves temporary credentials to the role's session, and refuses forged, foreign and expired tokens", () => {
    const a = new Accounts(defaultAccounts("123456789012"), "123456789012");
    const c = issueCredentials({
      account: "222222222222",
      role: "R",
      session: "alex",
      sourceIdentity: "alex",
      exp: 2000,
    });
    const caller = resolveCaller(a, auth(c.AccessKeyId), c.SessionToken, 1000);
    expect(caller).toMatchObject({
      account: "222222222222",
      arn: "arn:aws:sts::222222222222:assumed-role/R/alex",
    });
    expect(caller.userId).toMatch(/^AROA\w+:alex$/);
    const kind = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as CredentialsError).kind;
      }
      return "accepted";
    };
    expect(kind(() => resolveCaller(a, auth(c.AccessKeyId), c.SessionToken, 2001))).toBe("expired");
    expect(kind(() => resolveCaller(a, auth("ASIAAAAAAAAAAAAAAAAA"), c.SessionToken, 1000))).toBe("invalid");
    expect(kind(() => resolveCaller(a, auth(c.AccessKeyId), `${c.SessionToken}x`, 1000))).toBe("invalid");
    expect(kind(() => resolveCaller(a, auth(c.AccessKeyId), undefined, 1000))).toBe("invalid");
  });
});
