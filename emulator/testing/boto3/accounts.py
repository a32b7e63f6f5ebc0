"""Accounts, STS and cross-account registry access driven through boto3 against the emulator.

Usage: python3 accounts.py <endpoint-url>. botocore sends STS as the Query protocol (form-encoded POST /, signed
for `sts`) to the endpoint and parses the XML answers and errors with its own parser.
"""
import json
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
CONFIG = Config(retries={"max_attempts": 1}, parameter_validation=True)
HOME = {"aws_access_key_id": "boto3-home", "aws_secret_access_key": "x"}


def client(service, **creds):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", config=CONFIG, **(creds or HOME))


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def error_of(fn):
    try:
        fn()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    raise AssertionError("expected the call to fail")


sts = client("sts")


def assume(account, session, **extra):
    out = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/SageDeckRole", RoleSessionName=session, **extra)
    c = out["Credentials"]
    creds = {
        "aws_access_key_id": c["AccessKeyId"],
        "aws_secret_access_key": c["SecretAccessKey"],
        "aws_session_token": c["SessionToken"],
    }
    return out, creds


def identity():
    me = sts.get_caller_identity()
    check(me["Account"] == "123456789012", f"home account: {me}")
    out, creds = assume("222222222222", "boto3-alex", SourceIdentity="alex")
    check(out["Credentials"]["AccessKeyId"].startswith("ASIA"), "temporary key is not ASIA…")
    check(hasattr(out["Credentials"]["Expiration"], "year"), "Expiration is not parsed as a timestamp")
    check(out["SourceIdentity"] == "alex", "SourceIdentity missing")
    who = client("sts", **creds).get_caller_identity()
    check(who["Arn"] == "arn:aws:sts::222222222222:assumed-role/SageDeckRole/boto3-alex", f"caller: {who}")
    check(who["Account"] == "222222222222", f"caller: {who}")
    print("identity: ok")


def errors():
    code, msg = error_of(lambda: sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/SageDeckRole", RoleSessionName="a b"))
    check(code == "ValidationError" and "roleSessionName" in msg, f"bad session name: {code} {msg}")
    code, msg = error_of(lambda: sts.assume_role(RoleArn="arn:aws:iam::444455556666:role/SageDeckRole", RoleSessionName="s1"))
    check(code == "AccessDenied" and "sts:AssumeRole on resource: arn:aws:iam::444455556666" in msg, f"unknown account: {code} {msg}")
    ext = "arn:aws:iam::333333333333:role/SageDeckRoleWithExternalId"
    code, _ = error_of(lambda: sts.assume_role(RoleArn=ext, RoleSessionName="s1", ExternalId="wrong-id"))
    check(code == "AccessDenied", f"wrong external id: {code}")
    sts.assume_role(RoleArn=ext, RoleSessionName="s1", ExternalId="sagedeck-external-id")
    print("sts errors: ok")


def isolation():
    _, creds = assume("333333333333", "boto3-sam")
    prod = client("sagemaker", **creds)
    home = client("sagemaker")
    name = f"b3-prod-{uuid.uuid4().hex[:8]}"
    prod.create_model(ModelName=name, PrimaryContainer={"Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1"})
    check(prod.describe_model(ModelName=name)["ModelArn"].startswith("arn:aws:sagemaker:us-east-1:333333333333:model/"), "model arn")
    code, _ = error_of(lambda: home.describe_model(ModelName=name))
    check(code == "ValidationException", "a production model is visible from the home account")
    check(name not in [m["ModelName"] for m in home.list_models(MaxResults=100)["Models"]], "listed in home")
    print("account isolation: ok")


def cross_account():
    home = client("sagemaker")
    group = f"b3-xacct-{uuid.uuid4().hex[:8]}"
    home.create_model_package_group(ModelPackageGroupName=group)
    pkg = home.create_model_package(
        ModelPackageGroupName=group,
        ModelApprovalStatus="Approved",
        InferenceSpecification={
            "Containers": [{"Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1"}],
            "SupportedContentTypes": ["text/csv"],
            "SupportedResponseMIMETypes": ["text/csv"],
        },
    )["ModelPackageArn"]
    _, creds = assume("222222222222", "boto3-deployer")
    staging = client("sagemaker", **creds)
    model = f"b3-xm-{uuid.uuid4().hex[:8]}"
    code, _ = error_of(lambda: staging.create_model(ModelName=model, PrimaryContainer={"ModelPackageName": pkg}))
    check(code == "AccessDeniedException", f"CreateModel without a policy: {code}")
    doc = json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": ["222222222222"]},
            "Action": ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"],
            "Resource": f"arn:aws:sagemaker:us-east-1:123456789012:model-package/{group}/*",
        }],
    })
    home.put_model_package_group_policy(ModelPackageGroupName=group, ResourcePolicy=doc)
    check(home.get_model_package_group_policy(ModelPackageGroupName=group)["ResourcePolicy"] == doc, "policy round trip")
    out = staging.create_model(ModelName=model, PrimaryContainer={"ModelPackageName": pkg})
    check(":222222222222:model/" in out["ModelArn"], f"model arn {out['ModelArn']}")
    check(staging.describe_model_package(ModelPackageName=pkg)["ModelPackageArn"] == pkg, "cross-account describe")
    home.delete_model_package_group_policy(ModelPackageGroupName=group)
    code, _ = error_of(lambda: home.get_model_package_group_policy(ModelPackageGroupName=group))
    check(code == "ValidationException", f"Get after delete: {code}")
    code, _ = error_of(lambda: staging.describe_model_package(ModelPackageName=pkg))
    check(code == "AccessDeniedException", f"describe after the policy is gone: {code}")
    print("cross-account registry: ok")


for flow in (identity, errors, isolation, cross_account):
    flow()
print("boto3 accounts: ok")
