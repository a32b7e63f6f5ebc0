"""Issue 16 through boto3 (python3): CodePipeline's approval token round trip and Application Auto Scaling.

Usage: deploy_path.py <endpoint>. Prints "boto3 deploy path: ok" when every check passed.
"""
import sys
import time

import boto3
from botocore.exceptions import ClientError

URL = sys.argv[1]
KW = dict(endpoint_url=URL, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
cp = boto3.client("codepipeline", **KW)
aas = boto3.client("application-autoscaling", **KW)
sm = boto3.client("sagemaker", **KW)


def wait(probe, what, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = probe()
        if value is not None:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def expect_error(code, fn, **kwargs):
    try:
        fn(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response["Error"]
        return
    raise AssertionError(f"expected {code}")


# the seeded gate: GetPipelineState shows its token; PutApprovalResult approves it; production deploys
name = "sagemaker-search-ranking-modeldeploy"
names = [p["name"] for p in cp.list_pipelines()["pipelines"]]
gated = None
for n in names:
    for s in cp.get_pipeline_state(name=n)["stageStates"]:
        for a in s["actionStates"]:
            latest = a.get("latestExecution", {})
            if latest.get("status") == "InProgress" and latest.get("token"):
                gated = (n, s["stageName"], a["actionName"], latest["token"], s["latestExecution"]["pipelineExecutionId"])
assert gated, "no seeded gate is waiting"
n, stage, action, token, execution = gated
answer = dict(pipelineName=n, stageName=stage, actionName=action, token=token)
out = cp.put_approval_result(result={"summary": "boto3 approves", "status": "Approved"}, **answer)
assert out["approvedAt"]
expect_error("ApprovalAlreadyCompletedException", cp.put_approval_result, result={"summary": "again", "status": "Approved"}, **answer)
expect_error(
    "InvalidApprovalTokenException",
    cp.put_approval_result,
    result={"summary": "x", "status": "Rejected"},
    **{**answer, "token": "00000000-0000-4000-a000-000000000000"},
)
status = wait(
    lambda: (lambda s: None if s in ("InProgress", "Stopping") else s)(
        cp.get_pipeline_execution(pipelineName=n, pipelineExecutionId=execution)["pipelineExecution"]["status"]
    ),
    "the approved execution to finish",
)
assert status == "Succeeded", status
prod = [a for a in cp.list_action_executions(pipelineName=n, filter={"pipelineExecutionId": execution})["actionExecutionDetails"] if a["stageName"] == "DeployProd"]
assert prod and prod[0]["status"] == "Succeeded", prod
endpoint = prod[0]["output"]["outputVariables"]["EndpointName"]
expect_error("PipelineNotFoundException", cp.get_pipeline_state, name="nope")

# the production endpoint the pipeline deployed keeps its scalable target; a policy round trip on it
rid = f"endpoint/{endpoint}/variant/AllTraffic"
targets = aas.describe_scalable_targets(ServiceNamespace="sagemaker", ResourceIds=[rid])["ScalableTargets"]
assert targets and targets[0]["MinCapacity"] == 2, targets
ref = dict(ServiceNamespace="sagemaker", ResourceId=rid, ScalableDimension="sagemaker:variant:DesiredInstanceCount")
aas.register_scalable_target(MinCapacity=3, MaxCapacity=6, **ref)
desired = sm.describe_endpoint(EndpointName=endpoint)["ProductionVariants"][0]["DesiredInstanceCount"]
assert 3 <= desired <= 6, desired
acts = aas.describe_scaling_activities(**{k: ref[k] for k in ("ServiceNamespace", "ResourceId")})["ScalingActivities"]
assert acts and acts[0]["Description"].startswith("Setting desired instance count to"), acts[:1]
put = aas.put_scaling_policy(
    PolicyName="boto3-policy",
    PolicyType="TargetTrackingScaling",
    TargetTrackingScalingPolicyConfiguration={
        "TargetValue": 50.0,
        "PredefinedMetricSpecification": {"PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"},
    },
    **ref,
)
assert put["PolicyARN"].startswith("arn:aws:autoscaling:"), put
names = [p["PolicyName"] for p in aas.describe_scaling_policies(ServiceNamespace="sagemaker", ResourceId=rid)["ScalingPolicies"]]
assert "boto3-policy" in names, names
aas.delete_scaling_policy(PolicyName="boto3-policy", **ref)
expect_error("ObjectNotFoundException", aas.delete_scaling_policy, PolicyName="boto3-policy", **ref)
print("boto3 deploy path: ok")
