/**
 * Figures a benchmark reports for `npm run bench`'s summary table. Each call prints the figure and, when run by
 * bench/run.ts (BENCH_REPORT set), appends it as one JSON line to that file.
 */
import fs from "node:fs";

export interface Figure {
  bench: string;
  name: string;
  value: number;
  unit: string;
  /** the goal, when there is one: `max` (value ≤ goal) or `min` (value ≥ goal) */
  goal?: { max?: number; min?: number };
}

export function figure(f: Figure): void {
  const goal =
    f.goal?.max !== undefined
      ? ` (goal ≤ ${f.goal.max})`
      : f.goal?.min !== undefined
        ? ` (goal ≥ ${f.goal.min})`
        : "";
  console.log(`  figure: ${f.name} = ${round(f.value)} ${f.unit}${goal}`);
  const out = process.env.BENCH_REPORT;
  if (out) fs.appendFileSync(out, `${JSON.stringify(f)}\n`);
}

export function round(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(Math.abs(v) >= 10 ? 1 : 2);
}

/** "met", "missed" or "" (no goal). */
export function verdict(f: Figure): string {
  if (f.goal?.max !== undefined) return f.value <= f.goal.max ? "met" : "missed";
  if (f.goal?.min !== undefined) return f.value >= f.goal.min ? "met" : "missed";
  return "";
}
