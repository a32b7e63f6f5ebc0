/** What the version page and the inbox show of a version's metrics (no SDK shapes; safe for components). */
import type { ReportStatus } from "@/lib/sagemaker/reports/read";
import type { MetricReportSection } from "@/lib/sagemaker/registry/types";

/** The source label of a `metric:<name>` entry of CustomerMetadataProperties. */
export const METADATA_SOURCE = "model package metadata";

export type { ReportStatus } from "@/lib/sagemaker/reports/read";

export interface VersionMetric {
  name: string;
  value: number;
  standardDeviation?: number;
  /** where the number came from: "report: s3://…" and/or "model package metadata" */
  sources: string[];
}

/** One report ModelMetrics points to and what reading it gave, in words for the page. */
export interface ReportState {
  section: MetricReportSection;
  uri: string;
  status: ReportStatus;
  /** "evaluation report missing: s3://…", "evaluation report: 2 metrics", … */
  message: string;
  metricCount: number;
}

export interface VersionEvidence {
  metrics: VersionMetric[];
  reports: ReportState[];
}

/** A version as the read models hand it out: `metrics` holds every source merged by name. */
export type WithEvidence<V> = V & { evidence: VersionEvidence };
