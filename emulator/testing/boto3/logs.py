"""CloudWatch Logs through boto3 (botocore's own JSON 1.1 client and its `logs` model).

Usage: python3 logs.py <endpoint-url>. Reads a failed seeded training job's stream (tail, forward/backward
tokens, the same forward token at the end), filters it, pages DescribeLogStreams with boto3's paginator and
checks the not-found errors. Exits non-zero with the reason on the first failure.
"""
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
common = dict(endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
sm = boto3.client("sagemaker", config=Config(retries={"max_attempts": 1}), **common)
logs = boto3.client("logs", config=Config(retries={"max_attempts": 1}), **common)
GROUP = "/aws/sagemaker/TrainingJobs"


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def error_code(fn):
    try:
        fn()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    raise AssertionError("expected an error")


failed = sm.list_training_jobs(StatusEquals="Failed", NameContains="pipelines-", MaxResults=1)["TrainingJobSummaries"]
check(failed, "a failed seeded training job")
job = sm.describe_training_job(TrainingJobName=failed[0]["TrainingJobName"])
streams = logs.describe_log_streams(logGroupName=GROUP, logStreamNamePrefix=job["TrainingJobName"] + "/")["logStreams"]
check(len(streams) == 1, "one stream per instance")
stream = streams[0]["logStreamName"]

tail = logs.get_log_events(logGroupName=GROUP, logStreamName=stream, limit=8)
text = "\n".join(e["message"] for e in tail["events"])
check("Traceback (most recent call last):" in text, "the tail holds the traceback")
check(job["FailureReason"] in text, "the traceback names the FailureReason")
end = logs.get_log_events(logGroupName=GROUP, logStreamName=stream, nextToken=tail["nextForwardToken"])
check(end["events"] == [] and end["nextForwardToken"] == tail["nextForwardToken"], "the same forward token at the end")
back = logs.get_log_events(logGroupName=GROUP, logStreamName=stream, nextToken=tail["nextBackwardToken"], limit=3)
check(len(back["events"]) == 3 and back["events"][-1]["timestamp"] <= tail["events"][0]["timestamp"], "backward page")

hits = logs.filter_log_events(logGroupName=GROUP, logStreamNames=[stream], filterPattern='?Traceback ?"training FAILURE"')
check(len(hits["events"]) == 2, "two alternatives matched")

pages = logs.get_paginator("describe_log_streams").paginate(logGroupName=GROUP, PaginationConfig={"PageSize": 5})
names = [s["logStreamName"] for p in pages for s in p["logStreams"]]
check(len(names) > 5 and names == sorted(names), "paged streams in name order")

code, message = error_code(lambda: logs.describe_log_streams(logGroupName="/aws/sagemaker/Missing"))
check(code == "ResourceNotFoundException" and message == "The specified log group does not exist.", message)
code, message = error_code(lambda: logs.get_log_events(logGroupName=GROUP, logStreamName="nope/algo-1-1"))
check(code == "ResourceNotFoundException" and message == "The specified log stream does not exist.", message)
print("boto3 logs: ok")
