import type { Kpi } from "@/lib/maturity/kpis";

/** The symbol after a KPI's value, and the same unit in words for its help text: one table, so they agree. */
const UNIT: Record<Kpi["unit"], { symbol: string; words: string }> = {
  hours: { symbol: "h", words: "Shown in hours (h)" },
  days: { symbol: "d", words: "Shown in days (d)" },
  percent: { symbol: "%", words: "Shown in per cent (%)" },
  perWeek: { symbol: "/ week", words: "Shown per week (/ week)" },
  count: { symbol: "", words: "Shown as a count" },
};

/** "20 h", "80%", "3 / week", "42"; "—" when there is no value. */
export function formatKpi(v: number | null | undefined, unit: Kpi["unit"]): string {
  if (v === null || v === undefined) return "—";
  return `${v}${unit === "percent" ? "" : " "}${UNIT[unit].symbol}`.trim();
}

/** What a tile shows, in words: the unit of its value and of its p90 (the waiting queue's detail explains itself). */
export function unitNote(k: Kpi): string {
  const p90 = k.p90 !== undefined && k.p90 !== null && k.id !== "approvalQueue";
  return `${UNIT[k.unit].words}${p90 ? "; p90 is the 90th percentile, in the same unit" : ""}.`;
}
