/**
 * A bar chart's value axis always includes zero: a truncated axis makes 0.91 vs 0.93 look like a factor
 * of three. All positive values: [0, max]; all negative: [min, 0]; mixed: [min, max].
 */
export function barDomain(values: (number | null | undefined)[]): [number, number] {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (nums.length === 0) return [0, 1];
  const lo = Math.min(0, ...nums);
  const hi = Math.max(0, ...nums);
  return lo === hi ? [0, 1] : [lo, hi];
}
