/** Domain types of the model registry (no SDK shapes, no NextToken). Times are epoch ms. */
export const APPROVAL_STATUSES = ["PendingManualApproval", "Approved", "Rejected"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export function isApprovalStatus(v: unknown): v is ApprovalStatus {
  return typeof v === "string" && (APPROVAL_STATUSES as readonly string[]).includes(v);
}

export interface ModelGroup {
  name: string;
  arn: string;
  description?: string;
  createdAt?: number;
  /** the group's tags (Search returns them with the group): `team` / `sagemaker:project-name` tie it to endpoints */
  tags?: Record<string, string>;
}

export interface ModelVersion {
  arn: string;
  group: string;
  version: number;
  description?: string;
  createdAt?: number;
  approvalStatus: ApprovalStatus;
  /** ModelLifeCycle: free-form in SageMaker; SageDeck uses Development, Staging, Production, Archived. */
  stage?: string;
  stageStatus?: string;
  stageDescription?: string;
}

/** Where a ModelMetrics report sits in the model package (the SageMaker field it was named in). */
export const METRIC_REPORT_SECTIONS = [
  "ModelQuality.Statistics",
  "ModelQuality.Constraints",
  "ModelDataQuality.Statistics",
  "ModelDataQuality.Constraints",
  "Bias.Report",
  "Bias.PreTrainingReport",
  "Bias.PostTrainingReport",
  "Explainability.Report",
] as const;
export type MetricReportSection = (typeof METRIC_REPORT_SECTIONS)[number];

/** One S3 report a version's ModelMetrics points to. */
export interface MetricReportRef {
  section: MetricReportSection;
  uri: string;
}

export interface ModelVersionDetail extends ModelVersion {
  approvalDescription?: string;
  /** Studio user profile name, or the session name of the IAM identity that registered it. */
  registeredBy?: string;
  registeredByArn?: string;
  lastModifiedAt?: number;
  lastModifiedBy?: string;
  /**
   * `metric:<name>` custom metadata, as numbers. The read models (lib/models/metrics.ts) replace it with the
   * metrics of every source (reports and metadata) merged by name.
   */
  metrics: Record<string, number>;
  /** The reports ModelMetrics points to, ModelQuality.Statistics first. */
  metricReports: MetricReportRef[];
  /** The pipeline execution that registered it (MetadataProperties.GeneratedBy). */
  generatedBy?: string;
  image?: string;
  modelDataUrl?: string;
  evaluationReportUri?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page (kept server-side in the URL, never an SDK field). */
  cursor?: string;
}
