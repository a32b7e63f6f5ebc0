/** Steps simulated without a backing resource: Tuning, Transform, checks, EMR, AutoML, endpoints. */
import { text } from "./text";
import { shortId } from "../../../core/arn";
import { isObject, type JsonObject } from "../../../core/json";
import { arn, jobName, type Run } from "./run";
import { defineRunner, durationBetween, resolvedArgs } from "./runner";
import type { StepDef } from "./definition";

const shortName = (run: Run, step: StepDef, max: number) => {
  const full = jobName(run, step);
  return full.length <= max ? full : `${full.slice(0, max - 11).replace(/-+$/, "")}-${full.slice(-10)}`;
};

defineRunner(["Tuning"], {
  async start(run, step, st) {
    const args = resolvedArgs(run, step);
    const name = shortName(run, step, 32);
    const best = `${name.slice(0, 28)}-${String(1 + Math.floor(run.ctx.random() * 20)).padStart(3, "0")}`;
    st.Metadata = { TuningJob: { Arn: arn("hyper-parameter-tuning-job", name) } };
    st.xProps = {
      HyperParameterTuningJobName: name,
      HyperParameterTuningJobArn: arn("hyper-parameter-tuning-job", name),
      HyperParameterTuningJobStatus: "Completed",
      BestTrainingJob: {
        TrainingJobName: best,
        TrainingJobArn: arn("training-job", best),
        TrainingJobStatus: "Completed",
        FinalHyperParameterTuningJobObjectiveMetric: {
          MetricName: "validation:auc",
          Value: Math.round((0.85 + run.ctx.random() * 0.1) * 10000) / 10000,
        },
      },
      ...(args.HyperParameterTuningJobConfig !== undefined
        ? { HyperParameterTuningJobConfig: args.HyperParameterTuningJobConfig }
        : {}),
    };
    return Promise.resolve(durationBetween(run, 300, 900));
  },
});

defineRunner(["Transform"], {
  async start(run, step, st) {
    const args = resolvedArgs(run, step);
    const name = jobName(run, step);
    st.Metadata = { TransformJob: { Arn: arn("transform-job", name) } };
    st.xProps = {
      TransformJobName: name,
      TransformJobArn: arn("transform-job", name),
      TransformJobStatus: "Completed",
      TransformOutput: isObject(args.TransformOutput) ? args.TransformOutput : {},
      ...(typeof args.ModelName === "string" ? { ModelName: args.ModelName } : {}),
    };
    return Promise.resolve(durationBetween(run, 60, 180));
  },
});

function checkMetadata(run: Run, step: StepDef, withStatistics: boolean): JsonObject {
  const r = step.raw;
  const job = jobName(run, step);
  const base = `s3://sagedeck-checks/${run.exec.PipelineName}/${run.exec.ExecutionId}/${step.Name}`;
  const m: JsonObject = {
    CheckType: text(r.CheckType, "DATA_QUALITY"),
    CheckJobArn: arn("processing-job", job),
    SkipCheck: r.SkipCheck === true,
    RegisterNewBaseline: r.RegisterNewBaseline === true,
    CalculatedBaselineConstraints: `${base}/constraints.json`,
    ViolationReport: `${base}/constraint_violations.json`,
  };
  if (typeof r.ModelPackageGroupName === "string") m.ModelPackageGroupName = r.ModelPackageGroupName;
  if (typeof r.SuppliedBaselineConstraints === "string")
    m.BaselineUsedForDriftCheckConstraints = r.SuppliedBaselineConstraints;
  if (withStatistics) {
    m.CalculatedBaselineStatistics = `${base}/statistics.json`;
    if (typeof r.SuppliedBaselineStatistics === "string")
      m.BaselineUsedForDriftCheckStatistics = r.SuppliedBaselineStatistics;
  }
  return m;
}

defineRunner(["QualityCheck"], {
  async start(run, step, st) {
    resolvedArgs(run, step);
    st.Metadata = { QualityCheck: checkMetadata(run, step, true) };
    st.xProps = { ...(st.Metadata.QualityCheck as JsonObject) };
    return Promise.resolve(durationBetween(run, 60, 150));
  },
});

defineRunner(["ClarifyCheck"], {
  async start(run, step, st) {
    resolvedArgs(run, step);
    st.Metadata = { ClarifyCheck: checkMetadata(run, step, false) };
    st.xProps = { ...(st.Metadata.ClarifyCheck as JsonObject) };
    return Promise.resolve(durationBetween(run, 60, 150));
  },
});

defineRunner(["EMR"], {
  async start(run, step, st) {
    const args = resolvedArgs(run, step);
    const cluster =
      typeof args.ClusterId === "string"
        ? args.ClusterId
        : `j-${shortId(() => run.ctx.random(), 13).toUpperCase()}`;
    const stepId = `s-${shortId(() => run.ctx.random(), 13).toUpperCase()}`;
    const cfg = isObject(args.StepConfig) ? args.StepConfig : {};
    st.Metadata = {
      EMR: {
        ClusterId: cluster,
        StepId: stepId,
        StepName: typeof cfg.Name === "string" ? cfg.Name : step.Name,
        LogFilePath: `s3://aws-logs-emr/${cluster}/steps/${stepId}/`,
      },
    };
    st.xProps = { ClusterId: cluster, StepId: stepId };
    return Promise.resolve(durationBetween(run, 60, 240));
  },
});

const SIMPLE: [string, string, string][] = [
  ["AutoML", "AutoMLJob", "automl-job"],
  ["EndpointConfig", "EndpointConfig", "endpoint-config"],
  ["Endpoint", "Endpoint", "endpoint"],
];
for (const [type, key, arnType] of SIMPLE) {
  defineRunner([type], {
    async start(run, step, st) {
      const args = resolvedArgs(run, step);
      const given = args.EndpointName ?? args.EndpointConfigName ?? args.AutoMLJobName;
      const name = typeof given === "string" ? given : shortName(run, step, 32);
      st.Metadata = { [key]: { Arn: arn(arnType, name) } };
      st.xProps = { Arn: arn(arnType, name) };
      return Promise.resolve(durationBetween(run, 5, type === "AutoML" ? 900 : 60));
    },
  });
}
