/**
 * Names a filter refers to that no run has: a metric or parameter that does not exist gives "0 runs match"
 * upstream, which reads as a real answer. These say so, with the closest names that do exist.
 */
import { FilterSyntaxError, translateFilter } from "./filter";

export interface UnknownName {
  kind: "metric" | "parameter";
  name: string;
  suggestions: string[];
}

/** Edit distance (insert, delete, substitute), case-insensitive. */
export function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/** Up to three known names close to `name`: within a third of its length, or containing it. */
export function closeNames(name: string, known: string[]): string[] {
  const limit = Math.max(2, Math.ceil(name.length / 3));
  return known
    .map((k) => ({
      k,
      d: k.toLowerCase().includes(name.toLowerCase()) ? 0.5 : distance(name, k),
    }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map((x) => x.k);
}

/** The metrics and parameters in `filter` that are not among `known` (a filter that does not parse: none). */
export function unknownNames(
  filter: string | undefined,
  known: { metricNames: string[]; paramNames: string[] },
): UnknownName[] {
  let filters;
  try {
    filters = translateFilter(filter);
  } catch (err) {
    if (err instanceof FilterSyntaxError) return [];
    throw err;
  }
  const out: UnknownName[] = [];
  for (const f of filters) {
    if (f.Name.startsWith("Metrics.")) {
      const name = f.Name.slice("Metrics.".length).replace(/\.(Min|Max|Avg)$/, "");
      if (!known.metricNames.includes(name))
        out.push({ kind: "metric", name, suggestions: closeNames(name, known.metricNames) });
    } else if (f.Name.startsWith("Parameters.")) {
      const name = f.Name.slice("Parameters.".length);
      if (!known.paramNames.includes(name))
        out.push({ kind: "parameter", name, suggestions: closeNames(name, known.paramNames) });
    }
  }
  return out;
}

/** `Metric "validation:acc" does not exist … Did you mean validation:auc?` */
export function unknownNameMessage(u: UnknownName, scope: string): string {
  const what = u.kind === "metric" ? "Metric" : "Parameter";
  const hint = u.suggestions.length
    ? ` Did you mean ${u.suggestions.join(", ")}?`
    : ` No ${u.kind} with a similar name exists.`;
  return `${what} "${u.name}" does not exist in ${scope}.${hint}`;
}
