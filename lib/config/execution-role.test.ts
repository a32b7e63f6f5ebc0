import { describe, expect, it } from "vitest";
import { parseAccounts, type AccountConfig } from "./accounts";
import { executionRoleFor } from "@/lib/sagemaker/endpoints/deploy";

const home = { region: "us-east-1", accountId: undefined };
const entry = (executionRoleArn: string) =>
  JSON.stringify([{ name: "development", accountId: "123456789012", executionRoleArn }]);

describe("executionRoleArn in SAGEDECK_ACCOUNTS", () => {
  it("is taken when it is a role of the account's own", () => {
    const [a] = parseAccounts(entry("arn:aws:iam::123456789012:role/ModelRunner"), home);
    expect(a?.executionRoleArn).toBe("arn:aws:iam::123456789012:role/ModelRunner");
  });

  it("is refused, named, when it is another account's role or not a role ARN", () => {
    expect(() => parseAccounts(entry("arn:aws:iam::333333333333:role/ModelRunner"), home)).toThrow(
      /executionRoleArn .* is in account 333333333333, not 123456789012/,
    );
    expect(() => parseAccounts(entry("ModelRunner"), home)).toThrow(
      /"development": executionRoleArn is invalid/,
    );
  });
});

describe("the role a deployed model runs as", () => {
  const pkg = "arn:aws:sagemaker:us-east-1:123456789012:model-package/g/3";
  const account = (over: Partial<AccountConfig>): AccountConfig => ({
    name: "production",
    accountId: "333333333333",
    region: "us-east-1",
    roleArn: "arn:aws:iam::333333333333:role/SageDeckRole",
    externalId: undefined,
    stages: ["Production"],
    home: false,
    ...over,
  });

  it("is the account's configured role first, then the served model's, then the target account's default", () => {
    const configured = "arn:aws:iam::333333333333:role/ModelRunner";
    const served = "arn:aws:iam::333333333333:role/Served";
    expect(executionRoleFor(account({ executionRoleArn: configured }), served, pkg)).toBe(configured);
    expect(executionRoleFor(account({}), served, pkg)).toBe(served);
    // never the registry's account: the model runs in the target account
    expect(executionRoleFor(account({}), undefined, pkg)).toBe(
      "arn:aws:iam::333333333333:role/SageMakerExecutionRole",
    );
    // a single home account without a configured id: the registry's (the package's) account is that account
    expect(executionRoleFor(account({ accountId: undefined, home: true }), undefined, pkg)).toBe(
      "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
    );
  });
});
