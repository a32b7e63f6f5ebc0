import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./index";
import { parseRoleMap, roleForGroups } from "./role-map";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-config-"));

describe("loadConfig", () => {
  it("needs nothing in local mode and persists a generated session secret", () => {
    const cwd = tmp();
    const first = loadConfig({}, cwd);
    expect(first.mode).toBe("local");
    expect(first.sagemaker).toEqual({
      kind: "local",
      endpoint: "http://127.0.0.1:4599",
      region: "us-east-1",
    });
    expect(first.database).toEqual({ kind: "pglite", dir: path.join(cwd, ".data", "pglite") });
    expect(first.auth.secret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}, cwd).auth.secret).toBe(first.auth.secret);
    expect(fs.statSync(path.join(cwd, ".data", "session-secret")).mode & 0o077).toBe(0);
  });

  it("reads MATURITY_SNAPSHOT_MINUTES and the AWS credential variables here, validated", () => {
    const cwd = tmp();
    expect(loadConfig({}, cwd).maturity.snapshotMinutes).toBe(60);
    expect(loadConfig({ MATURITY_SNAPSHOT_MINUTES: "0" }, cwd).maturity.snapshotMinutes).toBe(0);
    expect(() => loadConfig({ MATURITY_SNAPSHOT_MINUTES: "soon" }, cwd)).toThrow(/MATURITY_SNAPSHOT_MINUTES/);
    expect(() => loadConfig({ MATURITY_SNAPSHOT_MINUTES: "20000" }, cwd)).toThrow(ConfigError);
    expect(loadConfig({}, cwd).awsCredentials).toBe(false);
    expect(loadConfig({ AWS_PROFILE: "dev" }, cwd).awsCredentials).toBe(true);
    expect(loadConfig({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE" }, cwd).awsCredentials).toBe(true);
  });

  it("refuses AWS mode without NEXTAUTH_SECRET, naming the variable", () => {
    expect(() => loadConfig({ SAGEMAKER_MODE: "aws" }, tmp())).toThrow(ConfigError);
    expect(() => loadConfig({ SAGEMAKER_MODE: "aws" }, tmp())).toThrow(/NEXTAUTH_SECRET/);
    const ok = loadConfig(
      { SAGEMAKER_MODE: "aws", NEXTAUTH_SECRET: "x".repeat(40), AWS_REGION: "eu-west-1" },
      tmp(),
    );
    expect(ok.sagemaker).toEqual({ kind: "aws", region: "eu-west-1", accountId: undefined });
    expect(ok.auth.demoUsers).toBe(false);
  });

  it("uses a custom endpoint and PostgreSQL when configured", () => {
    const c = loadConfig(
      { SAGEMAKER_ENDPOINT: "http://127.0.0.1:9000/", DATABASE_URL: "postgres://u:p@127.0.0.1/db" },
      tmp(),
    );
    expect(c.mode).toBe("custom");
    expect(c.sagemaker).toMatchObject({ kind: "custom", endpoint: "http://127.0.0.1:9000" });
    expect(c.database).toEqual({ kind: "postgres", url: "postgres://u:p@127.0.0.1/db" });
  });

  it("reads ModelMetrics reports from the emulator locally, S3_ENDPOINT when set, else S3 itself", () => {
    expect(loadConfig({ EMULATOR_PORT: "4700" }, tmp()).s3).toEqual({
      endpoint: "http://127.0.0.1:4700",
      forcePathStyle: true,
    });
    expect(loadConfig({ SAGEMAKER_ENDPOINT: "http://127.0.0.1:9000/" }, tmp()).s3.endpoint).toBe(
      "http://127.0.0.1:9000",
    );
    const aws = { SAGEMAKER_MODE: "aws", NEXTAUTH_SECRET: "x".repeat(40) };
    expect(loadConfig(aws, tmp()).s3).toEqual({ forcePathStyle: false });
    expect(loadConfig({ ...aws, S3_ENDPOINT: "http://minio:9000" }, tmp()).s3).toEqual({
      endpoint: "http://minio:9000",
      forcePathStyle: true,
    });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ PORT: "99999" }, /PORT/],
    [{ SAGEMAKER_MODE: "cloud" }, /SAGEMAKER_MODE/],
    [{ SAGEMAKER_ENDPOINT: "not a url" }, /SAGEMAKER_ENDPOINT/],
    [{ S3_ENDPOINT: "ftp://x" }, /S3_ENDPOINT/],
    [{ AUTH_OIDC_ISSUER: "https://id.example.com" }, /AUTH_OIDC_CLIENT_ID/],
    [{ NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET/],
  ])("rejects %o with one line naming the variable", (env, pattern) => {
    try {
      loadConfig(env, tmp());
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(pattern);
      expect((err as Error).message).not.toContain("\n");
    }
  });

  it("reads the maturity grouping and naming tags, with defaults, and refuses a malformed tag key", () => {
    expect(loadConfig({}, tmp()).maturity).toMatchObject({
      groupTag: "team",
      nameTag: "sagedeck:solution-name",
    });
    const custom = loadConfig({ MATURITY_GROUP_TAG: "cost-center", MATURITY_NAME_TAG: "app:name" }, tmp());
    expect(custom.maturity).toMatchObject({ groupTag: "cost-center", nameTag: "app:name" });
    expect(() => loadConfig({ MATURITY_GROUP_TAG: "bad#key" }, tmp())).toThrow(/MATURITY_GROUP_TAG.*tag key/);
    expect(() => loadConfig({ MATURITY_NAME_TAG: "x".repeat(129) }, tmp())).toThrow(/MATURITY_NAME_TAG/);
  });

  it("reads the approval-controlling parameters (default ModelApprovalStatus) and refuses bad names", () => {
    expect(loadConfig({}, tmp()).approvalParameters).toEqual(["ModelApprovalStatus"]);
    expect(
      loadConfig({ APPROVAL_PARAMETERS: "ModelApprovalStatus, ApprovalStatus" }, tmp()).approvalParameters,
    ).toEqual(["ModelApprovalStatus", "ApprovalStatus"]);
    expect(() => loadConfig({ APPROVAL_PARAMETERS: "Model Approval" }, tmp())).toThrow(
      /APPROVAL_PARAMETERS.*parameter names/,
    );
    expect(() => loadConfig({ APPROVAL_PARAMETERS: "A,,B" }, tmp())).toThrow(/APPROVAL_PARAMETERS/);
  });

  it("reads whether approving needs a reason (default required) and refuses other values", () => {
    expect(loadConfig({}, tmp()).approveReason).toBe("required");
    expect(loadConfig({ SAGEDECK_APPROVE_REASON: "optional" }, tmp()).approveReason).toBe("optional");
    expect(() => loadConfig({ SAGEDECK_APPROVE_REASON: "never" }, tmp())).toThrow(
      /SAGEDECK_APPROVE_REASON.*"required".*"optional"/,
    );
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", SAGEMAKER_ENDPOINT: " " }, tmp()).mode).toBe("local");
  });
});

describe("AUTH_ROLE_MAP", () => {
  const map = parseRoleMap("ml-admins=admin, ml-approvers=approver,ml-scientists=scientist,*=viewer");

  it("maps groups to the strongest role and falls back to *", () => {
    expect(roleForGroups(["ml-scientists", "ml-admins"], map)).toBe("admin");
    expect(roleForGroups(["ml-approvers"], map)).toBe("approver");
    expect(roleForGroups(["other"], map)).toBe("viewer");
  });

  it("gives no role without a match or fallback", () => {
    expect(roleForGroups(["other"], parseRoleMap("a=admin"))).toBeNull();
  });

  it("rejects unknown roles and malformed entries", () => {
    expect(() => parseRoleMap("team=boss")).toThrow(/not a role/);
    expect(() => parseRoleMap("admin")).toThrow(/group=role/);
  });
});
