import { getReportReader, type ReportRead, type ReportReader } from "@/lib/sagemaker/reports/read";
import type {
  MetricReportRef,
  MetricReportSection,
  ModelVersionDetail,
} from "@/lib/sagemaker/registry/types";
import {
  METADATA_SOURCE,
  type ReportState,
  type VersionEvidence,
  type VersionMetric,
  type WithEvidence,
} from "./metric-types";

/** How each report is named on the page, and the prefix of its metrics (none for the evaluation report). */
const SECTIONS: Record<MetricReportSection, { label: string; prefix: string }> = {
  "ModelQuality.Statistics": { label: "evaluation report", prefix: "" },
  "ModelQuality.Constraints": { label: "model quality constraints", prefix: "constraints." },
  "ModelDataQuality.Statistics": { label: "data quality statistics", prefix: "data_quality." },
  "ModelDataQuality.Constraints": { label: "data quality constraints", prefix: "data_constraints." },
  "Bias.Report": { label: "bias report", prefix: "bias." },
  "Bias.PreTrainingReport": { label: "pre-training bias report", prefix: "bias." },
  "Bias.PostTrainingReport": { label: "post-training bias report", prefix: "bias." },
  "Explainability.Report": { label: "explainability report", prefix: "explainability." },
};

function messageOf(ref: MetricReportRef, r: ReportRead): string {
  const { label } = SECTIONS[ref.section];
  switch (r.status) {
    case "read":
      return r.metrics.length === 0
        ? `${label} has no numeric values: ${ref.uri}`
        : `${label}: ${r.metrics.length} metric${r.metrics.length === 1 ? "" : "s"}${r.omitted ? ` (${r.omitted} more values not shown)` : ""} from ${ref.uri}`;
    case "missing":
      return `${label} missing: ${ref.uri}`;
    case "denied":
      return `${label} unreadable (access denied): ${ref.uri}; SageDeck's role needs s3:GetObject on it`;
    case "not-json":
      return `${label} is not JSON: ${ref.uri}`;
    case "too-large":
      return `${label} too large to read (${r.detail ?? "over the limit"}): ${ref.uri}`;
    case "invalid-uri":
      return `${label} has no valid S3 URI: ${ref.uri}`;
    case "unavailable":
      return `${label} could not be read right now (${r.detail ?? "error"}); reload to try again: ${ref.uri}`;
  }
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Adds one number: same name and value → one more source; same name, other value → its own row. */
function merge(into: VersionMetric[], m: Omit<VersionMetric, "sources">, source: string, tag: string): void {
  const existing = into.find((x) => x.name === m.name);
  if (!existing) into.push({ ...m, sources: [source] });
  else if (same(existing.value, m.value)) existing.sources.push(source);
  else merge(into, { ...m, name: `${m.name} (${tag})` }, source, tag);
}

/** Every metric of a version: its ModelMetrics reports (read from S3) and its `metric:*` metadata. */
export async function versionEvidence(
  v: ModelVersionDetail,
  reader: ReportReader = getReportReader(),
): Promise<VersionEvidence> {
  const reads = await Promise.all(
    v.metricReports.map(async (ref) => ({ ref, r: await reader.read(ref.uri) })),
  );
  const metrics: VersionMetric[] = [];
  const reports: ReportState[] = reads.map(({ ref, r }) => {
    const { prefix } = SECTIONS[ref.section];
    for (const m of r.metrics)
      merge(metrics, { ...m, name: prefix + m.name }, `report: ${ref.uri}`, ref.section);
    return {
      section: ref.section,
      uri: ref.uri,
      status: r.status,
      message: messageOf(ref, r),
      metricCount: r.metrics.length,
    };
  });
  for (const [name, value] of Object.entries(v.metrics))
    merge(metrics, { name, value }, METADATA_SOURCE, "metadata");
  return { metrics, reports };
}

/** The version with `metrics` from every source and the evidence behind them. */
export async function withEvidence<V extends ModelVersionDetail>(v: V): Promise<WithEvidence<V>> {
  const evidence = await versionEvidence(v);
  return { ...v, metrics: Object.fromEntries(evidence.metrics.map((m) => [m.name, m.value])), evidence };
}
