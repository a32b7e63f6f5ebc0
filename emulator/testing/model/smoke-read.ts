/**
 * The read half of the every-operation smoke pass: lists every seeded resource and describes what it lists, so the
 * demo data's shapes are checked too (the write half is smoke-write.ts).
 */
import { items, str, type Call } from "./call";

const SEARCHABLE = [
  "ExperimentTrialComponent",
  "Experiment",
  "ExperimentTrial",
  "TrainingJob",
  "ModelPackage",
  "ModelPackageGroup",
  "Endpoint",
  "Project",
  "Pipeline",
  "PipelineExecution",
];

export async function readEverything(call: Call): Promise<void> {
  const exps = items(await call("ListExperiments", { MaxResults: 5 }), "ExperimentSummaries");
  for (const e of exps) await call("DescribeExperiment", { ExperimentName: e.ExperimentName });
  const trials = items(await call("ListTrials", { MaxResults: 5 }), "TrialSummaries");
  for (const t of trials) await call("DescribeTrial", { TrialName: t.TrialName });
  const tcs = items(await call("ListTrialComponents", { MaxResults: 20 }), "TrialComponentSummaries");
  for (const t of tcs) await call("DescribeTrialComponent", { TrialComponentName: t.TrialComponentName });
  for (const resource of SEARCHABLE) await call("Search", { Resource: resource, MaxResults: 20 });

  for (const p of items(await call("ListPipelines", { MaxResults: 50 }), "PipelineSummaries")) {
    await call("DescribePipeline", { PipelineName: p.PipelineName });
    await call("ListPipelineVersions", { PipelineName: p.PipelineName });
    const execs = items(
      await call("ListPipelineExecutions", { PipelineName: p.PipelineName, MaxResults: 8 }),
      "PipelineExecutionSummaries",
    );
    for (const x of execs) {
      const arn = x.PipelineExecutionArn;
      await call("DescribePipelineExecution", { PipelineExecutionArn: arn });
      await call("ListPipelineExecutionSteps", { PipelineExecutionArn: arn });
      await call("DescribePipelineDefinitionForExecution", { PipelineExecutionArn: arn });
      await call("ListPipelineParametersForExecution", { PipelineExecutionArn: arn });
    }
  }

  const groups = items(
    await call("ListModelPackageGroups", { MaxResults: 50 }),
    "ModelPackageGroupSummaryList",
  );
  for (const g of groups) {
    await call("DescribeModelPackageGroup", { ModelPackageGroupName: g.ModelPackageGroupName });
    const versions = items(
      await call("ListModelPackages", { ModelPackageGroupName: g.ModelPackageGroupName, MaxResults: 10 }),
      "ModelPackageSummaryList",
    );
    for (const v of versions) await call("DescribeModelPackage", { ModelPackageName: v.ModelPackageArn });
    if (versions.length > 0)
      await call("BatchDescribeModelPackage", {
        ModelPackageArnList: versions.map((v) => v.ModelPackageArn),
      });
  }

  for (const m of items(await call("ListModels", { MaxResults: 20 }), "Models"))
    await call("DescribeModel", { ModelName: m.ModelName });
  for (const c of items(await call("ListEndpointConfigs", { MaxResults: 20 }), "EndpointConfigs"))
    await call("DescribeEndpointConfig", { EndpointConfigName: c.EndpointConfigName });
  for (const e of items(await call("ListEndpoints", { MaxResults: 20 }), "Endpoints")) {
    await call("DescribeEndpoint", { EndpointName: e.EndpointName });
    await call("ListTags", { ResourceArn: e.EndpointArn });
  }

  for (const j of items(await call("ListTrainingJobs", { MaxResults: 10 }), "TrainingJobSummaries"))
    await call("DescribeTrainingJob", { TrainingJobName: j.TrainingJobName });
  for (const j of items(await call("ListProcessingJobs", { MaxResults: 10 }), "ProcessingJobSummaries"))
    await call("DescribeProcessingJob", { ProcessingJobName: j.ProcessingJobName });

  const schedules = items(
    await call("ListMonitoringSchedules", { MaxResults: 20 }),
    "MonitoringScheduleSummaries",
  );
  for (const s of schedules)
    await call("DescribeMonitoringSchedule", { MonitoringScheduleName: s.MonitoringScheduleName });
  await call("ListMonitoringExecutions", { MaxResults: 20 });

  for (const p of items(await call("ListProjects", { MaxResults: 20 }), "ProjectSummaryList"))
    await call("DescribeProject", { ProjectName: str(p.ProjectName) });
}
