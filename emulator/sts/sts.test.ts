/** STS conformance through @aws-sdk/client-sts: AssumeRole, GetCallerIdentity, and calls landing in the role's account. */
import {
  CreatePipelineCommand,
  DescribePipelineCommand,
  ListPipelinesCommand,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";
import { errorOf } from "../testing/errors";

const emu = emulatorFixture();
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const HOME: Creds = { accessKeyId: "test", secretAccessKey: "test" };
const STAGING_ROLE = "arn:aws:iam::222222222222:role/SageDeckRole";

const sts = (credentials: Creds = HOME) =>
  new STSClient({ endpoint: emu.handle().endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
const sm = (credentials: Creds) =>
  new SageMakerClient({ endpoint: emu.handle().endpoint, region: "us-east-1", credentials, maxAttempts: 1 });

async function assume(input: { RoleArn: string; RoleSessionName: string; [k: string]: unknown }) {
  const out = await sts().send(new AssumeRoleCommand(input));
  const c = out.Credentials!;
  return {
    out,
    creds: {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    },
  };
}

const DEFINITION = JSON.stringify({
  Version: "2020-12-01",
  Steps: [{ Name: "Fail", Type: "Fail", Arguments: { ErrorMessage: "x" } }],
});
const pipeline = (name: string) =>
  new CreatePipelineCommand({
    PipelineName: name,
    PipelineDefinition: DEFINITION,
    RoleArn: "arn:aws:iam::222222222222:role/SageMakerPipelineExecutionRole",
  });
const names = async (c: SageMakerClient) =>
  ((await c.send(new ListPipelinesCommand({ MaxResults: 100 }))).PipelineSummaries ?? []).map(
    (p) => p.PipelineName,
  );

describe("STS", () => {
  it("GetCallerIdentity names the account of a long-term key (unknown keys: the home account)", async () => {
    const home = await sts().send(new GetCallerIdentityCommand({}));
    expect(home).toMatchObject({
      Account: "123456789012",
      Arn: "arn:aws:sts::123456789012:assumed-role/SageDeckRole/test",
    });
    const staging = await sts({ accessKeyId: "AKIDSAGEDECKSTAGING", secretAccessKey: "x" }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(staging.Account).toBe("222222222222");
  });

  it("AssumeRole returns temporary credentials for the role's account, with the session and source identity", async () => {
    const { out, creds } = await assume({
      RoleArn: STAGING_ROLE,
      RoleSessionName: "sagedeck-alex",
      SourceIdentity: "alex",
      DurationSeconds: 900,
    });
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials?.Expiration).toBeInstanceOf(Date);
    const left = out.Credentials!.Expiration!.getTime() - Date.now();
    expect(left).toBeGreaterThan(850_000);
    expect(left).toBeLessThanOrEqual(900_000);
    expect(out.AssumedRoleUser?.Arn).toBe(
      "arn:aws:sts::222222222222:assumed-role/SageDeckRole/sagedeck-alex",
    );
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]+:sagedeck-alex$/);
    expect(out.SourceIdentity).toBe("alex");
    const me = await sts(creds).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({
      Account: "222222222222",
      Arn: "arn:aws:sts::222222222222:assumed-role/SageDeckRole/sagedeck-alex",
      UserId: out.AssumedRoleUser?.AssumedRoleId,
    });
  });

  it("calls with assumed credentials land in the role's account, invisible from the home account and back", async () => {
    const { creds } = await assume({
      RoleArn: STAGING_ROLE,
      RoleSessionName: "sagedeck-sam",
      SourceIdentity: "sam",
    });
    const staging = sm(creds);
    const home = sm(HOME);
    await staging.send(pipeline("t-sts-staging-only"));
    await home.send(pipeline("t-sts-home-only"));
    const d = await staging.send(new DescribePipelineCommand({ PipelineName: "t-sts-staging-only" }));
    expect(d.PipelineArn).toBe("arn:aws:sagemaker:us-east-1:222222222222:pipeline/t-sts-staging-only");
    // the person is on the record, as CloudTrail would show it
    expect(d.CreatedBy?.IamIdentity).toMatchObject({
      Arn: "arn:aws:sts::222222222222:assumed-role/SageDeckRole/sagedeck-sam",
      SourceIdentity: "sam",
    });
    expect(d.CreatedBy?.IamIdentity?.PrincipalId).toMatch(/:sagedeck-sam$/);
    expect(await names(staging)).toContain("t-sts-staging-only");
    expect(await names(staging)).not.toContain("t-sts-home-only");
    expect(await names(home)).toContain("t-sts-home-only");
    expect(await names(home)).not.toContain("t-sts-staging-only");
    const e = await errorOf(home.send(new DescribePipelineCommand({ PipelineName: "t-sts-staging-only" })));
    expect(e.name).toBe("ResourceNotFound");
    // a long-term key mapped to staging sees the same account
    const key = sm({ accessKeyId: "AKIDSAGEDECKSTAGING", secretAccessKey: "x" });
    expect(await names(key)).toContain("t-sts-staging-only");
  });

  it("refuses bad input and untrusted requests in STS's words", async () => {
    const bad = await errorOf(
      sts().send(new AssumeRoleCommand({ RoleArn: STAGING_ROLE, RoleSessionName: "has space" })),
    );
    expect(bad.name).toBe("ValidationError");
    expect(bad.message).toBe(
      "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    const short = await errorOf(
      sts().send(
        new AssumeRoleCommand({ RoleArn: STAGING_ROLE, RoleSessionName: "x", DurationSeconds: 100 }),
      ),
    );
    expect(short.message).toMatch(
      /^2 validation errors detected: .*'roleSessionName'.*; Value '100' at 'durationSeconds'/,
    );
    const unknown = await errorOf(
      sts().send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::999999999999:role/SageDeckRole",
          RoleSessionName: "s1",
        }),
      ),
    );
    expect(unknown).toEqual({
      name: "AccessDenied",
      message:
        "User: arn:aws:sts::123456789012:assumed-role/SageDeckRole/test is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/SageDeckRole",
    });
    const ext = "arn:aws:iam::333333333333:role/SageDeckRoleWithExternalId";
    for (const ExternalId of [undefined, "wrong-id"]) {
      const e = await errorOf(
        sts().send(new AssumeRoleCommand({ RoleArn: ext, RoleSessionName: "s1", ExternalId })),
      );
      expect(e.name).toBe("AccessDenied");
    }
    const ok = await assume({ RoleArn: ext, RoleSessionName: "s1", ExternalId: "sagedeck-external-id" });
    expect(ok.out.AssumedRoleUser?.Arn).toContain(":333333333333:assumed-role/SageDeckRoleWithExternalId/s1");
    const long = await errorOf(
      sts().send(
        new AssumeRoleCommand({
          RoleArn: ext,
          RoleSessionName: "s1",
          ExternalId: "sagedeck-external-id",
          DurationSeconds: 7200,
        }),
      ),
    );
    expect(long).toEqual({
      name: "ValidationError",
      message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    });
    const malformed = await errorOf(
      sts().send(new AssumeRoleCommand({ RoleArn: "arn:aws:s3:::bucket-name-x", RoleSessionName: "s1" })),
    );
    expect(malformed).toEqual({ name: "ValidationError", message: "Request ARN is invalid" });
  });

  it("refuses a forged session token in SageMaker's and STS's words", async () => {
    const { creds } = await assume({ RoleArn: STAGING_ROLE, RoleSessionName: "s2" });
    const forged = {
      ...creds,
      sessionToken: creds.sessionToken.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
    };
    const e = await errorOf(sm(forged).send(new ListPipelinesCommand({})));
    expect(e).toEqual({
      name: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
    const s = await errorOf(sts(forged).send(new GetCallerIdentityCommand({})));
    expect(s.name).toBe("InvalidClientTokenId");
  });

  it("injects faults per account: an unreachable role account for STS, a failing account for SageMaker", async () => {
    const h = emu.handle();
    await h.control("POST", "faults", [
      {
        operation: "sts:AssumeRole",
        account: "333333333333",
        errorCode: "AccessDenied",
        status: 403,
        message: "no",
      },
      { operation: "*", account: "222222222222", errorCode: "ServiceUnavailable", message: "down" },
    ]);
    try {
      const prod = await errorOf(
        sts().send(
          new AssumeRoleCommand({
            RoleArn: "arn:aws:iam::333333333333:role/SageDeckRole",
            RoleSessionName: "s4",
          }),
        ),
      );
      expect(prod).toEqual({ name: "AccessDenied", message: "no" });
      const { creds } = await assume({ RoleArn: STAGING_ROLE, RoleSessionName: "s4" });
      expect((await errorOf(sm(creds).send(new ListPipelinesCommand({})))).name).toBe("ServiceUnavailable");
      expect(await names(sm(HOME))).toContain("t-sts-home-only");
    } finally {
      await h.control("DELETE", "faults");
    }
    await h.control("POST", "faults", { operation: "sts:GetCallerIdentity", throttle: true, count: 1 });
    expect((await errorOf(sts().send(new GetCallerIdentityCommand({})))).name).toBe("Throttling");
    expect((await sts().send(new GetCallerIdentityCommand({}))).Account).toBe("123456789012");
  });

  it("keeps each account's state and the issued credentials across a restart", async () => {
    const { creds } = await assume({ RoleArn: STAGING_ROLE, RoleSessionName: "s3" });
    await emu.restart(true);
    expect(await names(sm(creds))).toContain("t-sts-staging-only");
    expect(await names(sm(HOME))).not.toContain("t-sts-staging-only");
  });
});
