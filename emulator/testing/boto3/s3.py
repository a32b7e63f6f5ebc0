"""The emulator's S3 REST API through boto3 (botocore's own rest-xml parser), path-style.

Usage: python3 s3.py <endpoint-url>. Reads the evaluation report a fraud-detection version references from
ModelMetrics (the demo solution that registers without metric:* metadata), pages ListObjectsV2 and checks S3's
errors. Exits non-zero with the reason on the first failure.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
common = dict(
    endpoint_url=ENDPOINT,
    region_name="us-east-1",
    aws_access_key_id="test",
    aws_secret_access_key="test",
)
sm = boto3.client("sagemaker", config=Config(retries={"max_attempts": 1}), **common)
s3 = boto3.client(
    "s3", config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"}), **common
)


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def error_code(fn):
    try:
        fn()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("expected an S3 error")


def split(uri):
    bucket, _, key = uri[len("s3://") :].partition("/")
    return bucket, key


def report():
    versions = sm.list_model_packages(ModelPackageGroupName="fraud-xgboost", MaxResults=20)
    pkg = sm.describe_model_package(ModelPackageName=versions["ModelPackageSummaryList"][0]["ModelPackageArn"])
    stats = pkg["ModelMetrics"]["ModelQuality"]["Statistics"]
    check(stats["ContentType"] == "application/json", f"ContentType {stats}")
    metadata = pkg.get("CustomerMetadataProperties", {})
    check(not [k for k in metadata if k.startswith("metric:")], f"fraud versions carry no metric:* ({metadata})")
    bucket, key = split(stats["S3Uri"])
    got = s3.get_object(Bucket=bucket, Key=key)
    doc = json.loads(got["Body"].read())
    auc = doc["binary_classification_metrics"]["auc"]
    check(0 < auc["value"] < 1 and auc["standard_deviation"] >= 0, f"report {doc}")
    head = s3.head_object(Bucket=bucket, Key=key)
    check(head["ETag"] == got["ETag"] and head["ContentLength"] == got["ContentLength"], "HEAD = GET headers")
    check(head["ContentType"] == "application/json", f"ContentType {head['ContentType']}")
    print(f"report: {stats['S3Uri']} auc={auc['value']}")
    return bucket, key


def listing(bucket, key):
    prefix = key.split("/")[0] + "/"
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(
        Bucket=bucket, Prefix=prefix, PaginationConfig={"PageSize": 5}
    ):
        check(page["KeyCount"] == len(page.get("Contents", [])), "KeyCount")
        keys += [c["Key"] for c in page.get("Contents", [])]
    check(key in keys and keys == sorted(keys, key=lambda k: k.encode()), "keys in order, report listed")
    rolled = s3.list_objects_v2(Bucket=bucket, Delimiter="/")
    check(prefix in [p["Prefix"] for p in rolled.get("CommonPrefixes", [])], "common prefixes")
    print(f"listing: {len(keys)} keys under {prefix}")


def errors(bucket):
    check(error_code(lambda: s3.get_object(Bucket=bucket, Key="missing.json")) == ("NoSuchKey", 404), "NoSuchKey")
    check(error_code(lambda: s3.get_object(Bucket="no-such-bucket-x", Key="a")) == ("NoSuchBucket", 404), "NoSuchBucket")
    check(error_code(lambda: s3.list_objects_v2(Bucket="no-such-bucket-x"))[0] == "NoSuchBucket", "list NoSuchBucket")
    check(error_code(lambda: s3.head_object(Bucket=bucket, Key="missing.json"))[1] == 404, "HEAD 404")
    print("errors: ok")


bucket, key = report()
listing(bucket, key)
errors(bucket)
print("boto3 s3: ok")
