/**
 * Evaluation reports → named metrics. Understands SageMaker's standard formats (`regression_metrics`,
 * `binary_classification_metrics`, `multiclass_classification_metrics`: each metric `{ value,
 * standard_deviation }`, named by its own key) and any other JSON: every finite number becomes a metric named
 * by its dotted path (`evaluation.auc`), a `{ value }` object counts as one metric, arrays of objects with a
 * `name` use it as the path segment (Clarify's `metrics: [{ name, value }]`), arrays of plain numbers (curves)
 * are skipped.
 */

export interface ReportMetric {
  name: string;
  value: number;
  standardDeviation?: number;
}

export type ParsedReport =
  | {
      ok: true;
      metrics: ReportMetric[];
      /** numbers left out beyond `MAX_METRICS_PER_REPORT` */ omitted: number;
    }
  | { ok: false; reason: "not-json" };

export const STANDARD_SECTIONS = [
  "regression_metrics",
  "binary_classification_metrics",
  "multiclass_classification_metrics",
] as const;

/** A report can hold thousands of numbers (data-quality statistics per feature): keep the first ones. */
export const MAX_METRICS_PER_REPORT = 200;
const MAX_DEPTH = 12;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const finite = (v: Json | undefined): v is number => typeof v === "number" && Number.isFinite(v);

class Collector {
  readonly metrics: ReportMetric[] = [];
  private readonly seen = new Set<string>();
  omitted = 0;

  add(name: string, value: number, standardDeviation?: number): void {
    if (!name || this.seen.has(name)) return;
    if (this.metrics.length >= MAX_METRICS_PER_REPORT) {
      this.omitted += 1;
      return;
    }
    this.seen.add(name);
    this.metrics.push(standardDeviation === undefined ? { name, value } : { name, value, standardDeviation });
  }

  walk(path: string, node: Json, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const at = (segment: string) => (path ? `${path}.${segment}` : segment);
    if (finite(node)) {
      this.add(path, node);
    } else if (Array.isArray(node)) {
      if (node.every((x) => typeof x === "number")) return; // a curve or a histogram, not a metric
      node.forEach((item, i) => {
        const named = isRecord(item) && typeof item.name === "string" ? item.name : String(i);
        this.walk(at(named), item, depth + 1);
      });
    } else if (isRecord(node)) {
      if (finite(node.value)) {
        this.add(path, node.value, finite(node.standard_deviation) ? node.standard_deviation : undefined);
        return;
      }
      for (const [key, child] of Object.entries(node)) this.walk(at(key), child, depth + 1);
    }
  }
}

/** Parses a report's text. Not JSON → `{ ok: false }`; JSON without numbers → `{ ok: true, metrics: [] }`. */
export function parseReport(text: string): ParsedReport {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    return { ok: false, reason: "not-json" };
  }
  const c = new Collector();
  if (isRecord(doc)) {
    // the standard sections first, their metrics under their own names, then everything else by path
    for (const section of STANDARD_SECTIONS) {
      const s = doc[section];
      if (!isRecord(s)) continue;
      for (const [key, entry] of Object.entries(s)) c.walk(key, entry, 1);
    }
    for (const [key, node] of Object.entries(doc)) {
      if (!(STANDARD_SECTIONS as readonly string[]).includes(key) || !isRecord(node)) c.walk(key, node, 1);
    }
  } else {
    c.walk("", doc, 0);
  }
  return { ok: true, metrics: c.metrics, omitted: c.omitted };
}
