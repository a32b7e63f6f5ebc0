import type { SearchFilterInput } from "./types";

/**
 * The runs filter language, translated on the server into Search filters:
 *   `validation:auc > 0.85 and status = Completed and param.max_depth = 6`
 * Clauses are joined by `and` (or `;`). A field is `status`, `name`, `param.<name>`, `tag.<key>`,
 * or a metric `<name>` / `<name>.<last|min|max|avg>`. Operators: = != > >= < <= ~ (contains).
 */
export class FilterSyntaxError extends Error {}

export const RUN_STATUSES = ["InProgress", "Completed", "Failed", "Stopping", "Stopped"] as const;
const METRIC_STATS = { last: "", min: ".Min", max: ".Max", avg: ".Avg" } as const;
const OPS = {
  "=": "Equals",
  "!=": "NotEquals",
  ">": "GreaterThan",
  ">=": "GreaterThanOrEqualTo",
  "<": "LessThan",
  "<=": "LessThanOrEqualTo",
  "~": "Contains",
} as const;
type Op = keyof typeof OPS;
export const MAX_CLAUSES = 19;

const CLAUSE = /^(.+?)\s*(>=|<=|!=|=|>|<|~)\s*(.+)$/;

function unquote(v: string): string {
  const t = v.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

function translateClause(raw: string): SearchFilterInput {
  const m = CLAUSE.exec(raw.trim());
  if (!m) {
    throw new FilterSyntaxError(
      `"${raw.trim()}" is not a filter clause; write <field> <operator> <value>, e.g. validation:auc > 0.85.`,
    );
  }
  const [, rawField = "", rawOp = "=", rawValue = ""] = m;
  const field = rawField.trim();
  const op = rawOp as Op;
  const value = unquote(rawValue);
  if (value === "") throw new FilterSyntaxError(`"${raw.trim()}" has no value after ${op}.`);
  const lower = field.toLowerCase();
  if (lower === "status") {
    const status = RUN_STATUSES.find((s) => s.toLowerCase() === value.toLowerCase());
    if (!status)
      throw new FilterSyntaxError(`Status "${value}" is unknown; use one of ${RUN_STATUSES.join(", ")}.`);
    if (op !== "=" && op !== "!=") throw new FilterSyntaxError(`Status can only be compared with = or !=.`);
    return { Name: "Status.PrimaryStatus", Operator: OPS[op], Value: status };
  }
  if (lower === "name") return { Name: "DisplayName", Operator: OPS[op], Value: value };
  const prefixed = /^(param|params|parameter|tag|tags)\.(.+)$/i.exec(field);
  if (prefixed) {
    const [, kind = "", key = ""] = prefixed;
    const isTag = kind.toLowerCase().startsWith("tag");
    return { Name: `${isTag ? "Tags" : "Parameters"}.${key}`, Operator: OPS[op], Value: value };
  }
  const statMatch = /^(.+)\.(last|min|max|avg)$/i.exec(field);
  const metric = statMatch?.[1] ?? field;
  const stat = (statMatch?.[2]?.toLowerCase() ?? "last") as keyof typeof METRIC_STATS;
  if (op === "~")
    throw new FilterSyntaxError(`Metric "${metric}" is a number; compare it with = != > >= < <=.`);
  if (!Number.isFinite(Number(value))) {
    throw new FilterSyntaxError(`Metric "${metric}" is compared with "${value}", which is not a number.`);
  }
  if (!/^[\w:./-]+$/.test(metric)) throw new FilterSyntaxError(`"${metric}" is not a valid metric name.`);
  return { Name: `Metrics.${metric}${METRIC_STATS[stat]}`, Operator: OPS[op], Value: String(Number(value)) };
}

/** Parses the URL filter into Search filters; throws FilterSyntaxError with a user-facing message. */
export function translateFilter(text: string | undefined): SearchFilterInput[] {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return [];
  const clauses = trimmed.split(/\s+and\s+|\s*;\s*/i).filter((c) => c.trim() !== "");
  if (clauses.length > MAX_CLAUSES) {
    throw new FilterSyntaxError(
      `At most ${MAX_CLAUSES} conditions fit in one search; this filter has ${clauses.length}.`,
    );
  }
  return clauses.map(translateClause);
}
