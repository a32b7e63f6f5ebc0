import { describe, expect, it } from "vitest";
import type { AccountConfig } from "@/lib/config";
import { accountNames, allOrFail, failureReason } from "./accounts";

const account = (name: string, accountId: string | undefined, home = false): AccountConfig => ({
  name,
  accountId,
  region: "us-east-1",
  roleArn: home ? undefined : `arn:aws:iam::${accountId}:role/SageDeckRole`,
  externalId: undefined,
  stages: [],
  home,
});
const THREE = [
  account("development", "123456789012", true),
  account("staging", "222222222222"),
  account("production", "333333333333"),
];

describe("collector reads over accounts", () => {
  it("a failing account makes the source unknown, naming the account and its id", () => {
    const failures = [{ account: "production", code: "forbidden", message: "AccessDenied: not authorized" }];
    expect(() => allOrFail({ items: [1, 2], failures }, THREE)).toThrow(
      "account production (333333333333) could not be read: AccessDenied: not authorized",
    );
    expect(allOrFail({ items: [1, 2], failures: [] }, THREE)).toEqual([1, 2]);
  });

  it("with one account the reason is the error alone, as before accounts existed", () => {
    const failures = [{ account: "home", code: "unavailable", message: "connect ECONNREFUSED" }];
    expect(failureReason(failures, [account("home", undefined, true)])).toBe("connect ECONNREFUSED");
  });

  it("maps account ids to names (a discovered home id is not known yet)", () => {
    expect(accountNames(THREE)).toEqual({
      "123456789012": "development",
      "222222222222": "staging",
      "333333333333": "production",
    });
    expect(accountNames([account("home", undefined, true)])).toEqual({});
  });
});
