/**
 * Model package group policies through the SDK: round trip, validation, and the cross-account reads and
 * CreateModel they allow or refuse (caller in staging via STS AssumeRole, registry in the home account).
 */
import {
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteModelPackageGroupPolicyCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  GetModelPackageGroupPolicyCommand,
  PutModelPackageGroupPolicyCommand,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { expectError } from "./test-helpers";

const emu = emulatorFixture();
const GROUP = "t-xacct-group";
const GROUP_ARN = `arn:aws:sagemaker:us-east-1:123456789012:model-package-group/${GROUP}`;
let pkgArn = "";

async function clientFor(account: string, session: string): Promise<SageMakerClient> {
  const endpoint = emu.handle().endpoint;
  const sts = new STSClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const out = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/SageDeckRole`, RoleSessionName: session }),
  );
  const c = out.Credentials!;
  return new SageMakerClient({
    endpoint,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    },
  });
}

const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const grant = (principal: string, effect = "Allow") => ({
  Sid: `Share${effect}`,
  Effect: effect,
  Principal: { AWS: principal },
  Action: [
    "sagemaker:DescribeModelPackage",
    "sagemaker:ListModelPackages",
    "sagemaker:DescribeModelPackageGroup",
  ],
  Resource: [`arn:aws:sagemaker:us-east-1:123456789012:model-package/${GROUP}/*`, GROUP_ARN],
});

beforeAll(async () => {
  const sm = emu.client();
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: GROUP }));
  const p = await sm.send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: GROUP,
      ModelApprovalStatus: "Approved",
      InferenceSpecification: {
        Containers: [{ Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1" }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
      },
    }),
  );
  pkgArn = p.ModelPackageArn!;
}, 120_000);

describe("model package group policies", () => {
  it("round-trips a policy; Get/Delete without one and invalid documents are ValidationExceptions", async () => {
    const sm = emu.client();
    await expectError(
      sm.send(new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: GROUP })),
      "ValidationException",
      `Cannot find a resource policy for ModelPackageGroup ${GROUP_ARN}.`,
    );
    await expectError(
      sm.send(
        new PutModelPackageGroupPolicyCommand({ ModelPackageGroupName: GROUP, ResourcePolicy: "{not json" }),
      ),
      "ValidationException",
      "not valid JSON",
    );
    await expectError(
      sm.send(
        new PutModelPackageGroupPolicyCommand({
          ModelPackageGroupName: "t-none",
          ResourcePolicy: policy([]),
        }),
      ),
      "ValidationException",
      "ModelPackageGroup t-none does not exist.",
    );
    const doc = policy([grant("222222222222")]);
    const put = await sm.send(
      new PutModelPackageGroupPolicyCommand({ ModelPackageGroupName: GROUP, ResourcePolicy: doc }),
    );
    expect(put.ModelPackageGroupArn).toBe(GROUP_ARN);
    const got = await sm.send(new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: GROUP }));
    expect(got.ResourcePolicy).toBe(doc);
    await sm.send(new DeleteModelPackageGroupPolicyCommand({ ModelPackageGroupName: GROUP }));
    await expectError(
      sm.send(new DeleteModelPackageGroupPolicyCommand({ ModelPackageGroupName: GROUP })),
      "ValidationException",
    );
  });

  it("cross-account DescribeModelPackage and CreateModel follow the group policy", async () => {
    const home = emu.client();
    const staging = await clientFor("222222222222", "sagedeck-alex");
    const production = await clientFor("333333333333", "sagedeck-alex");
    const denied = `is not authorized to perform: sagemaker:DescribeModelPackage on resource: ${pkgArn}`;
    // no policy: refused
    await expectError(
      staging.send(new DescribeModelPackageCommand({ ModelPackageName: pkgArn })),
      "AccessDeniedException",
      denied,
    );
    await expectError(
      staging.send(
        new CreateModelCommand({
          ModelName: "t-xacct-model",
          PrimaryContainer: { ModelPackageName: pkgArn },
        }),
      ),
      "AccessDeniedException",
      "User: arn:aws:sts::222222222222:assumed-role/SageDeckRole/sagedeck-alex " + denied,
    );
    // granted to staging (root ARN form) only
    await home.send(
      new PutModelPackageGroupPolicyCommand({
        ModelPackageGroupName: GROUP,
        ResourcePolicy: policy([grant("arn:aws:iam::222222222222:root")]),
      }),
    );
    const d = await staging.send(new DescribeModelPackageCommand({ ModelPackageName: pkgArn }));
    expect(d.ModelPackageArn).toBe(pkgArn);
    expect(d.ModelApprovalStatus).toBe("Approved");
    const m = await staging.send(
      new CreateModelCommand({ ModelName: "t-xacct-model", PrimaryContainer: { ModelPackageName: pkgArn } }),
    );
    expect(m.ModelArn).toBe("arn:aws:sagemaker:us-east-1:222222222222:model/t-xacct-model");
    const dm = await staging.send(new DescribeModelCommand({ ModelName: "t-xacct-model" }));
    expect(dm.PrimaryContainer?.ModelPackageName).toBe(pkgArn);
    await expectError(
      home.send(new DescribeModelCommand({ ModelName: "t-xacct-model" })),
      "ValidationException",
    );
    await expectError(
      production.send(
        new CreateModelCommand({
          ModelName: "t-xacct-model",
          PrimaryContainer: { ModelPackageName: pkgArn },
        }),
      ),
      "AccessDeniedException",
    );
    // an explicit Deny wins over the Allow
    await home.send(
      new PutModelPackageGroupPolicyCommand({
        ModelPackageGroupName: GROUP,
        ResourcePolicy: policy([grant("222222222222"), grant("222222222222", "Deny")]),
      }),
    );
    await expectError(
      staging.send(new DescribeModelPackageCommand({ ModelPackageName: pkgArn })),
      "AccessDeniedException",
    );
    // a version that does not exist, in a group that grants: the ordinary not-found
    await home.send(
      new PutModelPackageGroupPolicyCommand({
        ModelPackageGroupName: GROUP,
        ResourcePolicy: policy([grant("222222222222")]),
      }),
    );
    await expectError(
      staging.send(new DescribeModelPackageCommand({ ModelPackageName: pkgArn.replace(/\/1$/, "/99") })),
      "ValidationException",
      "does not exist",
    );
  });
});
