import { describe, expect, it } from "vitest";
import { parseAccounts } from "./accounts";
import { ConfigError, loadConfig } from "./index";

const HOME = { region: "us-east-1", accountId: undefined };
const three = [
  { name: "development", accountId: "123456789012", stages: ["Development"] },
  {
    name: "staging",
    accountId: "222222222222",
    roleArn: "arn:aws:iam::222222222222:role/SageDeckRole",
    stages: ["Staging"],
  },
  {
    name: "production",
    accountId: "333333333333",
    region: "eu-west-1",
    roleArn: "arn:aws:iam::333333333333:role/SageDeckRole",
    externalId: "sagedeck-external-id",
    stages: ["Production"],
  },
];

describe("parseAccounts", () => {
  it("without SAGEDECK_ACCOUNTS: one home account holding every stage (single-account behaviour)", () => {
    const [only, ...rest] = parseAccounts(undefined, { region: "eu-central-1", accountId: "123456789012" });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      name: "home",
      home: true,
      region: "eu-central-1",
      accountId: "123456789012",
    });
    expect(only?.stages).toEqual(["Development", "Staging", "Production"]);
  });

  it("reads three accounts: the one without a role is home, regions default to the home region", () => {
    const accounts = parseAccounts(JSON.stringify(three), HOME);
    expect(accounts.map((a) => [a.name, a.home, a.region])).toEqual([
      ["development", true, "us-east-1"],
      ["staging", false, "us-east-1"],
      ["production", false, "eu-west-1"],
    ]);
    expect(accounts[2]?.externalId).toBe("sagedeck-external-id");
  });

  it("gives unassigned stages to the home account", () => {
    const accounts = parseAccounts(JSON.stringify([three[0], { ...three[2], stages: ["Production"] }]), HOME);
    expect(accounts[0]?.stages).toEqual(["Development", "Staging"]);
  });

  it.each([
    ["not JSON", "[{", /not JSON/],
    ["an empty list", "[]", /non-empty/],
    [
      "a bad account id",
      JSON.stringify([{ ...three[0], accountId: "12345" }]),
      /account "development": accountId is invalid \(use the 12-digit account id\)/,
    ],
    [
      "an unknown region",
      JSON.stringify([{ ...three[0], region: "us-east-9" }]),
      /unknown region "us-east-9"/,
    ],
    [
      "a role in another account",
      JSON.stringify([three[0], { ...three[1], accountId: "444444444444" }]),
      /role arn:aws:iam::222222222222:role\/SageDeckRole is in account 222222222222, not 444444444444/,
    ],
    [
      "no home account",
      JSON.stringify([three[1], three[2]]),
      /exactly one account must have no roleArn.*found 0/,
    ],
    [
      "two home accounts",
      JSON.stringify([three[0], { ...three[0], name: "dev2", accountId: "999999999999" }]),
      /found 2/,
    ],
    [
      "a duplicate name",
      JSON.stringify([three[0], { ...three[1], name: "development" }]),
      /name "development" appears twice/,
    ],
    [
      "a stage given twice",
      JSON.stringify([three[0], { ...three[1], stages: ["Production"] }, three[2]]),
      /stage Production is assigned to staging and production/,
    ],
    ["an unknown key", JSON.stringify([{ ...three[0], role: "x" }]), /account "development"/],
    [
      "an external id without a role",
      JSON.stringify([{ ...three[0], externalId: "abc" }]),
      /externalId needs a roleArn/,
    ],
  ])("refuses %s with a one-line message", (_label, raw, message) => {
    expect(() => parseAccounts(raw, HOME)).toThrow(message);
  });
});

describe("loadConfig with SAGEDECK_ACCOUNTS", () => {
  it("names the variable in the error", () => {
    expect(() => loadConfig({ SAGEDECK_ACCOUNTS: "[]" }, "/tmp")).toThrow(ConfigError);
    expect(() => loadConfig({ SAGEDECK_ACCOUNTS: "[]" }, "/tmp")).toThrow(/^SAGEDECK_ACCOUNTS is invalid: /);
  });

  it("keeps today's single account when unset", () => {
    expect(loadConfig({}, "/tmp").accounts).toHaveLength(1);
  });
});
