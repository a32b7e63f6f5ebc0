/**
 * Column ids, shared by the URL (`cols`, `sort`), the server (SortBy paths) and the table:
 * fixed `name|status|start|duration|source`, a parameter `p:<name>`, a metric `m:<name>:<last|min|max|avg>`.
 */
export type MetricStat = "last" | "min" | "max" | "avg";
export type ColumnId = string;

export type ParsedColumn =
  | { kind: "fixed"; id: "name" | "status" | "start" | "duration" | "source" }
  | { kind: "param"; id: ColumnId; param: string }
  | { kind: "metric"; id: ColumnId; metric: string; stat: MetricStat };

const FIXED = ["name", "status", "start", "duration", "source"] as const;
const STATS: MetricStat[] = ["last", "min", "max", "avg"];

export function parseColumn(id: string): ParsedColumn | null {
  if ((FIXED as readonly string[]).includes(id)) return { kind: "fixed", id: id as (typeof FIXED)[number] };
  if (id.startsWith("p:") && id.length > 2) return { kind: "param", id, param: id.slice(2) };
  if (id.startsWith("m:")) {
    const rest = id.slice(2);
    const cut = rest.lastIndexOf(":");
    const stat = rest.slice(cut + 1) as MetricStat;
    if (cut > 0 && STATS.includes(stat)) return { kind: "metric", id, metric: rest.slice(0, cut), stat };
    if (rest) return { kind: "metric", id: `m:${rest}:last`, metric: rest, stat: "last" };
  }
  return null;
}

/** `cols=p:eta,m:validation:auc:max` → parsed columns (unknown ids dropped). */
export function parseColumns(cols: string | undefined): ParsedColumn[] {
  if (!cols) return [];
  return cols
    .split(",")
    .map((c) => parseColumn(c.trim()))
    .filter((c): c is ParsedColumn => c !== null && c.kind !== "fixed");
}

const STAT_PATH: Record<MetricStat, string> = { last: "", min: ".Min", max: ".Max", avg: ".Avg" };

/** The Search SortBy property path for a column id, or null if it cannot be sorted on. */
export function sortPath(id: string): string | null {
  const c = parseColumn(id);
  if (!c) return null;
  if (c.kind === "param") return `Parameters.${c.param}`;
  if (c.kind === "metric") return `Metrics.${c.metric}${STAT_PATH[c.stat]}`;
  switch (c.id) {
    case "name":
      return "DisplayName";
    case "status":
      return "Status.PrimaryStatus";
    case "start":
      return "StartTime";
    case "source":
      return "Source.SourceArn";
    default:
      return null;
  }
}

export function columnLabel(c: ParsedColumn): string {
  if (c.kind === "param") return c.param;
  if (c.kind === "metric") return c.stat === "last" ? c.metric : `${c.metric} (${c.stat})`;
  return { name: "Run", status: "Status", start: "Started", duration: "Duration", source: "Source job" }[
    c.id
  ];
}
