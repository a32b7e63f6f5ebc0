/**
 * The standard training pipeline definition (as the SageMaker Python SDK emits it): preprocess
 * (Processing) → train (Training) → evaluate (Processing, EvaluationReport property file) → condition
 * on the gate metric (Std:JsonGet) → register (+ optional CreateModel) or fail.
 */
import type { JsonObject, JsonValue } from "../../../core/json";
import { reportPath } from "./metrics";

export interface TemplateOptions {
  pipeline: string;
  modelPackageGroup: string;
  metric: string;
  threshold: number;
  bucket: string;
  roleArn: string;
  inputDataUrl: string;
  /** add a CreateModel step next to RegisterModel */
  createModel?: boolean;
  cache?: boolean;
  /**
   * also copy the evaluated metrics into the version's CustomerMetadataProperties as `metric:<name>` (a team
   * convention some demo solutions keep); without it the metrics are only in ModelMetrics' report, as on AWS
   */
  metricMetadata?: boolean;
}

const XGB = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
const SKLEARN = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";

const join = (...values: JsonValue[]): JsonObject => ({ "Std:Join": { On: "/", Values: values } });
const get = (path: string): JsonObject => ({ Get: path });

export function trainingPipeline(o: TemplateOptions): JsonObject {
  const base = (what: string) =>
    join("s3:/", o.bucket, o.pipeline, get("Execution.PipelineExecutionId"), what);
  const output = (name: string) => ({
    OutputName: name,
    AppManaged: false,
    S3Output: { S3Uri: base(name), LocalPath: `/opt/ml/processing/${name}`, S3UploadMode: "EndOfJob" },
  });
  const input = (name: string, uri: JsonValue, local: string) => ({
    InputName: name,
    AppManaged: false,
    S3Input: {
      S3Uri: uri,
      LocalPath: local,
      S3DataType: "S3Prefix",
      S3InputMode: "File",
      S3DataDistributionType: "FullyReplicated",
    },
  });
  const processing = (script: string) => ({
    ProcessingResources: {
      ClusterConfig: {
        InstanceType: get("Parameters.ProcessingInstanceType"),
        InstanceCount: 1,
        VolumeSizeInGB: 30,
      },
    },
    AppSpecification: {
      ImageUri: SKLEARN,
      ContainerEntrypoint: ["python3", `/opt/ml/processing/input/code/${script}`],
    },
    RoleArn: o.roleArn,
  });
  const channel = (name: string) => ({
    ChannelName: name,
    DataSource: {
      S3DataSource: {
        S3DataType: "S3Prefix",
        S3Uri: get(`Steps.Preprocess.ProcessingOutputConfig.Outputs['${name}'].S3Output.S3Uri`),
        S3DataDistributionType: "FullyReplicated",
      },
    },
    ContentType: "text/csv",
  });
  const metricPath = reportPath(o.metric);
  const reported = (metric: string): JsonObject => ({
    "Std:Join": {
      On: "",
      Values: [
        {
          "Std:JsonGet": {
            PropertyFile: get("Steps.Evaluate.PropertyFiles.EvaluationReport"),
            Path: reportPath(metric),
          },
        },
      ],
    },
  });
  // the metrics the evaluation reports: the training's validation metrics (logloss alongside auc)
  const metadata: JsonObject = {};
  if (o.metricMetadata !== false)
    for (const m of o.metric === "auc" ? ["auc", "logloss"] : [o.metric])
      metadata[`metric:${m}`] = reported(m);
  const cache = o.cache ? { CacheConfig: { Enabled: true, ExpireAfter: "P30D" } } : {};
  const register: JsonObject = {
    Name: "RegisterModel",
    Type: "RegisterModel",
    Arguments: {
      ModelPackageGroupName: o.modelPackageGroup,
      ModelApprovalStatus: get("Parameters.ModelApprovalStatus"),
      InferenceSpecification: {
        Containers: [{ Image: XGB, ModelDataUrl: get("Steps.Train.ModelArtifacts.S3ModelArtifacts") }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
        SupportedRealtimeInferenceInstanceTypes: ["ml.m5.large", "ml.m5.xlarge"],
        SupportedTransformInstanceTypes: ["ml.m5.xlarge"],
      },
      ...(Object.keys(metadata).length > 0 ? { CustomerMetadataProperties: metadata } : {}),
      ModelMetrics: {
        ModelQuality: {
          Statistics: {
            ContentType: "application/json",
            S3Uri: join(
              get("Steps.Evaluate.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri"),
              "evaluation.json",
            ),
          },
        },
      },
    },
  };
  const ifSteps: JsonObject[] = [register];
  if (o.createModel)
    ifSteps.push({
      Name: "CreateModel",
      Type: "Model",
      Arguments: {
        ExecutionRoleArn: o.roleArn,
        PrimaryContainer: { Image: XGB, ModelDataUrl: get("Steps.Train.ModelArtifacts.S3ModelArtifacts") },
      },
    });
  return {
    Version: "2020-12-01",
    Metadata: {},
    Parameters: [
      { Name: "InputDataUrl", Type: "String", DefaultValue: o.inputDataUrl },
      { Name: "ProcessingInstanceType", Type: "String", DefaultValue: "ml.m5.xlarge" },
      { Name: "TrainingInstanceType", Type: "String", DefaultValue: "ml.m5.xlarge" },
      { Name: "MaxDepth", Type: "Integer", DefaultValue: 6 },
      { Name: "Eta", Type: "Float", DefaultValue: 0.2 },
      { Name: "NumRound", Type: "Integer", DefaultValue: 100 },
      { Name: "MetricThreshold", Type: "Float", DefaultValue: o.threshold },
      {
        Name: "ModelApprovalStatus",
        Type: "String",
        DefaultValue: "PendingManualApproval",
        EnumValues: ["PendingManualApproval", "Approved"],
      },
    ],
    PipelineExperimentConfig: {
      ExperimentName: get("Execution.PipelineName"),
      TrialName: get("Execution.PipelineExecutionId"),
    },
    Steps: [
      {
        Name: "Preprocess",
        Type: "Processing",
        Arguments: {
          ...processing("preprocess.py"),
          ProcessingInputs: [input("input-1", get("Parameters.InputDataUrl"), "/opt/ml/processing/input")],
          ProcessingOutputConfig: { Outputs: [output("train"), output("validation"), output("test")] },
        },
        ...cache,
      },
      {
        Name: "Train",
        Type: "Training",
        Arguments: {
          AlgorithmSpecification: { TrainingImage: XGB, TrainingInputMode: "File" },
          OutputDataConfig: { S3OutputPath: `s3://${o.bucket}/${o.pipeline}/models` },
          StoppingCondition: { MaxRuntimeInSeconds: 86400 },
          ResourceConfig: {
            VolumeSizeInGB: 30,
            InstanceCount: 1,
            InstanceType: get("Parameters.TrainingInstanceType"),
          },
          RoleArn: o.roleArn,
          InputDataConfig: [channel("train"), channel("validation")],
          HyperParameters: {
            objective: o.metric === "ndcg" ? "rank:ndcg" : "binary:logistic",
            eval_metric: o.metric,
            max_depth: get("Parameters.MaxDepth"),
            eta: get("Parameters.Eta"),
            num_round: get("Parameters.NumRound"),
          },
        },
        ...cache,
      },
      {
        Name: "Evaluate",
        Type: "Processing",
        Arguments: {
          ...processing("evaluate.py"),
          ProcessingInputs: [
            input("model", get("Steps.Train.ModelArtifacts.S3ModelArtifacts"), "/opt/ml/processing/model"),
            input(
              "test",
              get("Steps.Preprocess.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri"),
              "/opt/ml/processing/test",
            ),
          ],
          ProcessingOutputConfig: { Outputs: [output("evaluation")] },
        },
        PropertyFiles: [
          { PropertyFileName: "EvaluationReport", OutputName: "evaluation", FilePath: "evaluation.json" },
        ],
      },
      {
        Name: "CheckMetric",
        Type: "Condition",
        Arguments: {
          Conditions: [
            {
              Type: "GreaterThanOrEqualTo",
              LeftValue: {
                "Std:JsonGet": {
                  PropertyFile: get("Steps.Evaluate.PropertyFiles.EvaluationReport"),
                  Path: metricPath,
                },
              },
              RightValue: get("Parameters.MetricThreshold"),
            },
          ],
          IfSteps: ifSteps,
          ElseSteps: [
            {
              Name: "GateFailed",
              Type: "Fail",
              Arguments: {
                ErrorMessage: {
                  "Std:Join": {
                    On: " ",
                    Values: [
                      `Model ${o.metric}`,
                      {
                        "Std:JsonGet": {
                          PropertyFile: get("Steps.Evaluate.PropertyFiles.EvaluationReport"),
                          Path: metricPath,
                        },
                      },
                      "is below the threshold",
                      get("Parameters.MetricThreshold"),
                    ],
                  },
                },
              },
            },
          ],
        },
      },
    ],
  };
}
