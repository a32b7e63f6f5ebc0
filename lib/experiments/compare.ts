import type { RunDetail } from "./types";

export interface CompareRow {
  key: string;
  kind: "param" | "metric";
  label: string;
  values: (string | number | undefined)[];
  differs: boolean;
}

/** Side-by-side rows (parameters, then metric "last" values), each flagged when the runs differ. */
export function compareRows(runs: RunDetail[]): CompareRow[] {
  const params = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  const differs = (vals: (string | number | undefined)[]) => new Set(vals.map((v) => String(v))).size > 1;
  const rows: CompareRow[] = [];
  for (const p of params) {
    const values = runs.map((r) => r.params[p]);
    rows.push({ key: `p:${p}`, kind: "param", label: p, values, differs: differs(values) });
  }
  for (const m of metrics) {
    const values = runs.map((r) => r.metrics[m]?.last);
    rows.push({ key: `m:${m}`, kind: "metric", label: m, values, differs: differs(values) });
  }
  return rows;
}

/** Parameters that are numeric in every run that has them (usable as chart axes). */
export function numericParams(runs: RunDetail[]): string[] {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  return names.filter((n) => {
    const vals = runs.map((r) => r.params[n]).filter((v) => v !== undefined);
    return vals.length > 0 && vals.every((v) => typeof v === "number") && new Set(vals).size > 1;
  });
}

export function metricNames(runs: RunDetail[]): string[] {
  return [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
}
