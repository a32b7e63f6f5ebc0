import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { accountFromArn } from "./account";
import { describeDataSource } from "./health";

const cwd = () => fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-ds-"));
const secret = "x".repeat(40);

describe("data-source badge", () => {
  it("says local emulator by default", () => {
    expect(describeDataSource(loadConfig({}, cwd()))).toEqual({ kind: "local", label: "Local emulator" });
  });

  it("names region and account in AWS mode, configured or discovered", () => {
    const configured = loadConfig(
      {
        SAGEMAKER_MODE: "aws",
        NEXTAUTH_SECRET: secret,
        AWS_REGION: "eu-west-1",
        AWS_ACCOUNT_ID: "111122223333",
      },
      cwd(),
    );
    expect(describeDataSource(configured).label).toBe("AWS · eu-west-1 · 111122223333");
    const discovered = loadConfig(
      { SAGEMAKER_MODE: "aws", NEXTAUTH_SECRET: secret, AWS_REGION: "eu-west-1" },
      cwd(),
    );
    expect(describeDataSource(discovered, "444455556666").label).toBe("AWS · eu-west-1 · 444455556666");
    expect(describeDataSource(discovered).label).toBe("AWS · eu-west-1");
  });

  it("names the host of a custom endpoint, never credentials", () => {
    const c = loadConfig({ SAGEMAKER_ENDPOINT: "http://user:pw@127.0.0.1:9000/" }, cwd());
    const label = describeDataSource(c).label;
    expect(label).toBe("Custom endpoint 127.0.0.1:9000");
  });

  it("reads the account id out of a SageMaker ARN", () => {
    expect(accountFromArn("arn:aws:sagemaker:us-east-1:123456789012:experiment/churn")).toBe("123456789012");
    expect(accountFromArn("arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package-group/g")).toBe(
      "123456789012",
    );
    expect(accountFromArn("not-an-arn")).toBeNull();
    expect(accountFromArn(undefined)).toBeNull();
  });
});
