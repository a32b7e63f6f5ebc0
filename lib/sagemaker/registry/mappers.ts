import type {
  DescribeModelPackageCommandOutput,
  MetricsSource,
  ModelMetrics,
  ModelPackageGroup,
  ModelPackageGroupSummary,
  ModelPackageSummary,
  UserContext,
} from "@aws-sdk/client-sagemaker";
import {
  isApprovalStatus,
  METRIC_REPORT_SECTIONS,
  type MetricReportRef,
  type MetricReportSection,
  type ModelGroup,
  type ModelVersion,
  type ModelVersionDetail,
} from "./types";

/** "alex" from a user profile, else the session name of an assumed-role ARN, else of the PrincipalId. */
export function personOf(ctx: UserContext | undefined): { name?: string; arn?: string } {
  if (!ctx) return {};
  if (ctx.UserProfileName) return { name: ctx.UserProfileName, arn: ctx.UserProfileArn };
  const arn = ctx.IamIdentity?.Arn;
  if (arn) return { name: arn.split("/").pop() ?? arn, arn };
  // "AROAEXAMPLE:session-name": the session name is the readable part
  const principal = ctx.IamIdentity?.PrincipalId;
  return principal ? { name: principal.split(":").pop() ?? principal } : {};
}

export function toModelGroup(g: ModelPackageGroupSummary | ModelPackageGroup): ModelGroup {
  const tags =
    "Tags" in g && g.Tags ? Object.fromEntries(g.Tags.map((t) => [t.Key ?? "", t.Value ?? ""])) : undefined;
  return {
    name: g.ModelPackageGroupName ?? "",
    arn: g.ModelPackageGroupArn ?? "",
    description: g.ModelPackageGroupDescription,
    createdAt: g.CreationTime?.getTime(),
    ...(tags ? { tags } : {}),
  };
}

export function toModelVersion(p: ModelPackageSummary | DescribeModelPackageCommandOutput): ModelVersion {
  return {
    arn: p.ModelPackageArn ?? "",
    group: p.ModelPackageGroupName ?? "",
    version: p.ModelPackageVersion ?? 0,
    description: p.ModelPackageDescription,
    createdAt: p.CreationTime?.getTime(),
    approvalStatus: isApprovalStatus(p.ModelApprovalStatus) ? p.ModelApprovalStatus : "PendingManualApproval",
    stage: p.ModelLifeCycle?.Stage,
    stageStatus: p.ModelLifeCycle?.StageStatus,
    stageDescription: p.ModelLifeCycle?.StageDescription,
  };
}

function metricsOf(meta: Record<string, string> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(meta ?? {})) {
    if (!k.startsWith("metric:")) continue;
    const n = Number(v);
    if (Number.isFinite(n)) out[k.slice("metric:".length)] = n;
  }
  return out;
}

/** The S3 reports of ModelMetrics (ModelQuality, ModelDataQuality, Bias, Explainability), in a fixed order. */
export function metricReportsOf(m: ModelMetrics | undefined): MetricReportRef[] {
  if (!m) return [];
  const sources: Record<MetricReportSection, MetricsSource | undefined> = {
    "ModelQuality.Statistics": m.ModelQuality?.Statistics,
    "ModelQuality.Constraints": m.ModelQuality?.Constraints,
    "ModelDataQuality.Statistics": m.ModelDataQuality?.Statistics,
    "ModelDataQuality.Constraints": m.ModelDataQuality?.Constraints,
    "Bias.Report": m.Bias?.Report,
    "Bias.PreTrainingReport": m.Bias?.PreTrainingReport,
    "Bias.PostTrainingReport": m.Bias?.PostTrainingReport,
    "Explainability.Report": m.Explainability?.Report,
  };
  return METRIC_REPORT_SECTIONS.flatMap((section) => {
    const uri = sources[section]?.S3Uri;
    return uri ? [{ section, uri }] : [];
  });
}

export function toModelVersionDetail(p: DescribeModelPackageCommandOutput): ModelVersionDetail {
  const registrant = personOf(p.CreatedBy);
  const container = p.InferenceSpecification?.Containers?.[0];
  return {
    ...toModelVersion(p),
    approvalDescription: p.ApprovalDescription,
    registeredBy: registrant.name,
    registeredByArn: registrant.arn,
    lastModifiedAt: p.LastModifiedTime?.getTime(),
    lastModifiedBy: personOf(p.LastModifiedBy).name,
    metrics: metricsOf(p.CustomerMetadataProperties),
    generatedBy: p.MetadataProperties?.GeneratedBy,
    image: container?.Image,
    modelDataUrl: container?.ModelDataUrl,
    evaluationReportUri: p.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
    metricReports: metricReportsOf(p.ModelMetrics),
  };
}
