"""Selective execution through boto3: re-run one step of a failed execution, the rest carried over; the refusals.

Usage: python3 selective.py <endpoint-url>. botocore validates each request against its model and parses each
answer with its own parser (SelectiveExecutionConfig, SelectiveExecutionResult).
"""
import json
import sys
import time
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

sm = boto3.client(
    "sagemaker",
    endpoint_url=sys.argv[1],
    region_name="us-east-1",
    aws_access_key_id="test",
    aws_secret_access_key="test",
    config=Config(retries={"max_attempts": 1}, parameter_validation=True),
)
ROLE = "arn:aws:iam::123456789012:role/Boto3Role"


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def processing(name, depends=None):
    step = {
        "Name": name,
        "Type": "Processing",
        "Arguments": {
            "ProcessingResources": {
                "ClusterConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30}
            },
            "AppSpecification": {"ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/proc:latest"},
            "RoleArn": ROLE,
        },
    }
    if depends:
        step["DependsOn"] = depends
    return step


TRAIN = {
    "Name": "Train",
    "Type": "Training",
    "DependsOn": ["Prep"],
    "Arguments": {
        "AlgorithmSpecification": {"TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1",
                                   "TrainingInputMode": "File"},
        "OutputDataConfig": {"S3OutputPath": "s3://boto3-bucket/models"},
        "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
        "ResourceConfig": {"VolumeSizeInGB": 30, "InstanceCount": 1, "InstanceType": "ml.m5.xlarge"},
        "RoleArn": ROLE,
        "HyperParameters": {"max_depth": {"Get": "Parameters.MaxDepth"}, "num_round": "10"},
    },
}


def wait(arn, timeout=30):
    end = time.time() + timeout
    while True:
        s = sm.describe_pipeline_execution(PipelineExecutionArn=arn)["PipelineExecutionStatus"]
        if s in ("Succeeded", "Failed", "Stopped"):
            return s
        check(time.time() < end, f"{arn} still {s}")
        time.sleep(0.1)


def start(**kw):
    return sm.start_pipeline_execution(PipelineName="b3-sel", ClientRequestToken=str(uuid.uuid4()), **kw)[
        "PipelineExecutionArn"
    ]


def refused(**kw):
    try:
        start(**kw)
    except ClientError as e:
        check(e.response["Error"]["Code"] == "ValidationException", f"code {e.response['Error']['Code']}")
        return e.response["Error"]["Message"]
    raise AssertionError(f"accepted {kw}")


definition = {
    "Version": "2020-12-01",
    "Parameters": [{"Name": "MaxDepth", "Type": "String", "DefaultValue": "5"}],
    "Steps": [processing("Prep"), TRAIN, processing("Eval", ["Train"])],
}
sm.create_pipeline(PipelineName="b3-sel", PipelineDefinition=json.dumps(definition), RoleArn=ROLE,
                   ClientRequestToken=str(uuid.uuid4()))
failed = start(PipelineParameters=[{"Name": "MaxDepth", "Value": "99"}])
check(wait(failed) == "Failed", "the source run did not fail")

config = {"SourcePipelineExecutionArn": failed, "SelectedSteps": [{"StepName": "Train"}]}
rerun = start(PipelineParameters=[{"Name": "MaxDepth", "Value": "6"}], SelectiveExecutionConfig=config)
check(wait(rerun) == "Succeeded", "the re-run did not succeed")
d = sm.describe_pipeline_execution(PipelineExecutionArn=rerun)
check(d["SelectiveExecutionConfig"] == config, f"SelectiveExecutionConfig {d.get('SelectiveExecutionConfig')}")
steps = {s["StepName"]: s for s in sm.list_pipeline_execution_steps(PipelineExecutionArn=rerun)["PipelineExecutionSteps"]}
check(sorted(steps) == ["Prep", "Train"], f"steps {sorted(steps)}")
check(steps["Prep"]["SelectiveExecutionResult"]["SourcePipelineExecutionArn"] == failed, "Prep not marked as reused")
check(hasattr(steps["Prep"]["StartTime"], "year"), "StartTime not parsed")
check("SelectiveExecutionResult" not in steps["Train"], "Train marked as reused")
summaries = sm.list_pipeline_executions(PipelineName="b3-sel")["PipelineExecutionSummaries"]
check(summaries[0]["PipelineExecutionArn"] == rerun, "the re-run is not the newest execution")
print("selective: re-run ok")

msg = refused(SelectiveExecutionConfig={"SourcePipelineExecutionArn": failed, "SelectedSteps": [{"StepName": "Nope"}]})
check("Step 'Nope' in SelectedSteps is not present" in msg, msg)
msg = refused(SelectiveExecutionConfig={"SelectedSteps": [{"StepName": "Train"}]})
check(msg.startswith("Invalid SourcePipelineExecutionArn: null. The selected steps [Train] have dependencies on [Prep]"), msg)
running = start()
msg = refused(SelectiveExecutionConfig={"SourcePipelineExecutionArn": running, "SelectedSteps": [{"StepName": "Train"}]})
check("is in Executing status" in msg, msg)
print("selective: refusals ok")
print("boto3 selective: ok")
