"""The main SageDeck flows driven through boto3 (a second, independent client) against the emulator.

Usage: python3 flows.py <endpoint-url>. Prints one line per flow; exits non-zero with the reason on the first
failure. botocore validates every request against the same service model and parses every answer with its own
parser, so an answer the JS SDK happens to tolerate is caught here.
"""
import json
import sys
import time
import uuid

import boto3
from botocore.config import Config

ENDPOINT = sys.argv[1]
sm = boto3.client(
    "sagemaker",
    endpoint_url=ENDPOINT,
    region_name="us-east-1",
    aws_access_key_id="test",
    aws_secret_access_key="test",
    config=Config(retries={"max_attempts": 1}, parameter_validation=True),
)
ROLE = "arn:aws:iam::123456789012:role/Boto3Role"


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def until(what, fn, timeout=30):
    end = time.time() + timeout
    while True:
        value = fn()
        if value is not None:
            return value
        if time.time() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def paging():
    names = []
    for page in sm.get_paginator("list_pipelines").paginate(PaginationConfig={"PageSize": 2}):
        names += [p["PipelineName"] for p in page["PipelineSummaries"]]
    check(len(names) == len(set(names)) and len(names) >= 3, f"list_pipelines pages: {names}")
    first = names[0]
    sm.describe_pipeline(PipelineName=first)
    arns = []
    pages = sm.get_paginator("list_pipeline_executions").paginate(
        PipelineName=first, PaginationConfig={"PageSize": 5, "MaxItems": 12}
    )
    for page in pages:
        arns += [e["PipelineExecutionArn"] for e in page["PipelineExecutionSummaries"]]
    check(len(arns) == len(set(arns)) and len(arns) > 0, "list_pipeline_executions pages repeat or are empty")
    d = sm.describe_pipeline_execution(PipelineExecutionArn=arns[0])
    check(hasattr(d["CreationTime"], "year"), "CreationTime is not parsed as a timestamp")
    steps = sm.list_pipeline_execution_steps(PipelineExecutionArn=arns[0])["PipelineExecutionSteps"]
    groups = sm.list_model_package_groups(MaxResults=100)["ModelPackageGroupSummaryList"]
    check(len(groups) >= 1, "no model package groups")
    return f"{len(names)} pipelines, {len(arns)} executions, {len(steps)} steps, {len(groups)} groups"


DEFINITION = json.dumps(
    {
        "Version": "2020-12-01",
        "Steps": [
            {
                "Name": "Wait",
                "Type": "Callback",
                "SqsQueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/boto3",
                "OutputParameters": [{"OutputName": "answer", "OutputType": "String"}],
                "Arguments": {},
            }
        ],
    }
)


def waiting_token(arn):
    def token():
        for s in sm.list_pipeline_execution_steps(PipelineExecutionArn=arn)["PipelineExecutionSteps"]:
            if s["StepName"] == "Wait" and s["StepStatus"] == "Executing":
                return s.get("Metadata", {}).get("Callback", {}).get("CallbackToken")
        return None

    return until("the callback step", token)


def status(arn, *wanted):
    def get():
        s = sm.describe_pipeline_execution(PipelineExecutionArn=arn)["PipelineExecutionStatus"]
        return s if s in wanted else None

    return until(" or ".join(wanted), get)


def executions():
    sm.create_pipeline(PipelineName="boto3-flow", PipelineDefinition=DEFINITION, RoleArn=ROLE)
    stopped = sm.start_pipeline_execution(PipelineName="boto3-flow")["PipelineExecutionArn"]
    waiting_token(stopped)
    sm.stop_pipeline_execution(PipelineExecutionArn=stopped, ClientRequestToken=str(uuid.uuid4()))
    first = status(stopped, "Stopping", "Stopped")
    retried = sm.start_pipeline_execution(PipelineName="boto3-flow")["PipelineExecutionArn"]
    sm.send_pipeline_execution_step_failure(CallbackToken=waiting_token(retried), FailureReason="boto3 says no")
    status(retried, "Failed")
    again = sm.retry_pipeline_execution(PipelineExecutionArn=retried, ClientRequestToken=str(uuid.uuid4()))
    check(again["PipelineExecutionArn"] == retried, "retry must keep the execution ARN")
    sm.send_pipeline_execution_step_success(
        CallbackToken=waiting_token(retried), OutputParameters=[{"Name": "answer", "Value": "yes"}]
    )
    status(retried, "Succeeded")
    return f"stop → {first}, fail → retry → Succeeded"


def approvals():
    sm.create_model_package_group(ModelPackageGroupName="boto3-group")
    spec = {
        "Containers": [{"Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1"}],
        "SupportedContentTypes": ["text/csv"],
        "SupportedResponseMIMETypes": ["text/csv"],
    }
    arn = sm.create_model_package(
        ModelPackageGroupName="boto3-group",
        ModelApprovalStatus="PendingManualApproval",
        InferenceSpecification=spec,
    )["ModelPackageArn"]
    sm.update_model_package(ModelPackageArn=arn, ModelApprovalStatus="Approved", ApprovalDescription="boto3")
    sm.update_model_package(
        ModelPackageArn=arn,
        ModelLifeCycle={"Stage": "Production", "StageStatus": "Approved", "StageDescription": "boto3"},
    )
    d = sm.describe_model_package(ModelPackageName=arn)
    check(d["ModelApprovalStatus"] == "Approved", f"approval: {d['ModelApprovalStatus']}")
    check(d["ModelLifeCycle"]["Stage"] == "Production", f"lifecycle: {d.get('ModelLifeCycle')}")
    return f"{arn.rsplit('/', 2)[-2:]} Approved, Production"


def search():
    hits = []
    pages = sm.get_paginator("search").paginate(
        Resource="ModelPackage",
        SearchExpression={
            "Filters": [{"Name": "ModelApprovalStatus", "Operator": "Equals", "Value": "Approved"}],
        },
        SortBy="CreationTime",
        SortOrder="Descending",
        PaginationConfig={"PageSize": 10, "MaxItems": 40},
    )
    for page in pages:
        hits += [r["ModelPackage"] for r in page["Results"]]
    check(len(hits) > 0, "no approved model packages found")
    check(all(h["ModelApprovalStatus"] == "Approved" for h in hits), "search returned an unapproved package")
    times = [h["CreationTime"] for h in hits]
    check(times == sorted(times, reverse=True), "search is not sorted by CreationTime descending")
    return f"{len(hits)} approved packages, newest first"


for flow in (paging, executions, approvals, search):
    try:
        print(f"{flow.__name__}: {flow()}", flush=True)
    except Exception as err:  # noqa: BLE001 - report any failure with the flow's name
        print(f"FAILED {flow.__name__}: {type(err).__name__}: {err}", flush=True)
        sys.exit(1)
print("boto3 flows: ok")
