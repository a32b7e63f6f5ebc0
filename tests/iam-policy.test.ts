import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionsInCode, actionsInSource, grantsInPolicy, readPolicy } from "./helpers/iam-actions";

const root = path.resolve(__dirname, "..");
const policy = readPolicy(path.join(root, "docs/iam/sagedeck-policy.json"));
const trust = readPolicy(path.join(root, "docs/iam/trust-policy.json"));
const grants = grantsInPolicy(policy);

/** Read-only operations may stay on `Resource: "*"`; everything else must name the resources it changes. */
const READ =
  /^(sagemaker:(Describe|List|Search|Get|BatchDescribe)|s3:(GetObject|ListBucket)$|sts:GetCallerIdentity$|codepipeline:(Get|List)|application-autoscaling:Describe|logs:(Describe|Get|Filter))/;

/** The verdict on a policy: what the code calls that the policy does not grant, and the reverse. */
function compare(used: Iterable<string>, granted: Iterable<string>) {
  const u = new Set(used);
  const g = new Set(granted);
  return { missing: [...u].filter((a) => !g.has(a)).sort(), unused: [...g].filter((a) => !u.has(a)).sort() };
}

function verdictMessage(v: { missing: string[]; unused: string[] }): string {
  return [
    v.missing.length ? `the policy misses actions the code calls: ${v.missing.join(", ")}` : "",
    v.unused.length ? `the policy grants actions nothing calls: ${v.unused.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

describe("IAM policy (docs/iam/sagedeck-policy.json)", () => {
  const used = actionsInCode(root, ["lib"]);

  it("grants exactly the actions the code calls", () => {
    const v = compare(
      used.keys(),
      grants.map((g) => g.action),
    );
    const where = v.missing.map((a) => `${a} in ${used.get(a) ?? "?"}`).join(", ");
    expect(verdictMessage(v) + (where ? ` — where: ${where}` : "")).toBe("");
  });

  it("finds the SDK where the house rule keeps it, and nowhere else in the app", () => {
    expect(used.size).toBeGreaterThan(20);
    const outside = actionsInCode(root, ["app", "components", "scripts"]);
    expect([...outside].map(([a, f]) => `${a} in ${f}`)).toEqual([]);
  });

  it("uses no wildcard actions, and scopes every write to resources", () => {
    expect(grants.filter((g) => g.action.includes("*")).map((g) => g.action)).toEqual([]);
    const broadWrites = grants.filter((g) => !READ.test(g.action) && g.resources.includes("*"));
    expect(broadWrites.map((g) => `${g.action} (${g.sid})`)).toEqual([]);
    expect(new Set(grants.map((g) => g.action)).size).toBe(grants.length); // each action in one statement
  });

  it("passes only the SageMaker execution role, only to SageMaker", () => {
    const passRole = policy.Statement.find((s) => [s.Action].flat().includes("iam:PassRole"));
    expect(passRole?.Resource).toEqual([
      "arn:${Partition}:iam::${AccountId}:role/${SageMakerExecutionRoleName}",
    ]);
    expect(passRole?.Condition).toEqual({
      StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" },
    });
  });

  it("lets SageDeck into another account only with the external id and the person's name", () => {
    for (const s of trust.Statement) {
      expect(s.Condition?.StringEquals?.["sts:ExternalId"]).toBe("${ExternalId}");
      expect(s.Condition?.StringLike?.["sts:SourceIdentity"]).toBe("?*");
    }
    expect(trust.Statement.flatMap((s) => [s.Action].flat()).sort()).toEqual([
      "sts:AssumeRole",
      "sts:SetSourceIdentity",
    ]);
  });
});

describe("deriving actions from source", () => {
  // start from code that calls exactly what the policy grants, then change one thing
  const granted = grants.map((g) => g.action);

  it("fails when the code calls a command the policy does not grant", () => {
    const added = actionsInSource(`
      import { DeleteEndpointCommand as Delete, type Tag } from "@aws-sdk/client-sagemaker";
      await client.send(new Delete({ EndpointName: name }));`);
    expect(added).toEqual(["sagemaker:DeleteEndpoint"]);
    expect(verdictMessage(compare([...granted, ...added], granted))).toBe(
      "the policy misses actions the code calls: sagemaker:DeleteEndpoint",
    );
  });

  it("fails when the policy grants an action nothing calls", () => {
    const onlyReads = granted.filter((a) => a !== "sagemaker:StopPipelineExecution");
    expect(verdictMessage(compare(onlyReads, granted))).toBe(
      "the policy grants actions nothing calls: sagemaker:StopPipelineExecution",
    );
  });

  it("maps SDK operations to IAM actions, with the actions a call's members imply", () => {
    const src = `
      import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
      import { AssumeRoleCommand } from "@aws-sdk/client-sts";
      import * as cp from "@aws-sdk/client-codepipeline";
      import { paginateDescribeLogStreams } from "@aws-sdk/client-cloudwatch-logs";
      import { PutScalingPolicyCommand } from "@aws-sdk/client-application-auto-scaling";
      import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
      import { CreateModelCommand } from "@aws-sdk/client-sagemaker";
      s3.send(new GetObjectCommand({ Bucket, Key })); s3.send(new HeadObjectCommand(x)); s3.send(new ListObjectsV2Command(x));
      sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName, SourceIdentity: who }));
      pipelines.send(new cp.PutApprovalResultCommand({ token }));
      for await (const p of paginateDescribeLogStreams({ client }, {})) void p;
      aas.send(new PutScalingPolicyCommand(p));
      fromTemporaryCredentials({ params: { RoleArn, ExternalId, SourceIdentity } });
      sm.send(new CreateModelCommand({ ModelName, ExecutionRoleArn: role, Tags }));`;
    expect(actionsInSource(src).sort()).toEqual([
      "application-autoscaling:PutScalingPolicy",
      "codepipeline:PutApprovalResult",
      "iam:PassRole",
      "logs:DescribeLogStreams",
      "s3:GetObject",
      "s3:ListBucket",
      "sagemaker:AddTags",
      "sagemaker:CreateModel",
      "sts:AssumeRole",
      "sts:SetSourceIdentity",
    ]);
  });

  it("ignores type-only imports and commands that are imported but never called", () => {
    const src = `
      import type { DeleteModelCommand } from "@aws-sdk/client-sagemaker";
      import { type DeleteEndpointCommand, DescribeModelCommand } from "@aws-sdk/client-sagemaker";
      type X = DescribeModelCommand;`;
    expect(actionsInSource(src)).toEqual([]);
  });
});
