import { describe, expect, it } from "vitest";
import type { HistoryPoint } from "@/lib/maturity-history/history";
import { kpiTrends } from "./kpi-trend";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const point = (day: number, lead: number | null, queue?: number): HistoryPoint => ({
  at: T0 + day * DAY,
  phase: null,
  score: null,
  progress: null,
  provisional: false,
  source: "scheduled",
  checks: {},
  kpis: {
    leadTime: { value: lead, n: 1, approx: false },
    ...(queue !== undefined ? { approvalQueue: { value: queue, n: 1, approx: false } } : {}),
  },
});

describe("KPI trends from the organisation's history", () => {
  it("compares the latest value with the newest point at least 30 days before it", () => {
    const t = kpiTrends([point(0, 50), point(10, 40), point(20, 30), point(45, 12.5)]);
    // day 45 vs day 10 (the newest ≤ day 15): 12.5 − 40
    expect(t.leadTime?.change).toBe(-27.5);
    expect(t.leadTime?.since).toBe(T0 + 10 * DAY);
    expect(t.leadTime?.series.map((s) => s.value)).toEqual([50, 40, 30, 12.5]);
  });

  it("skips points without a value and uses the oldest one when history spans a week but not 30 days", () => {
    const t = kpiTrends([point(0, null, 4), point(2, 20, 3), point(12, 26, 1)]);
    expect(t.leadTime?.series).toHaveLength(2);
    expect(t.leadTime?.change).toBe(6); // 26 − 20, oldest value 10 days earlier
    expect(t.approvalQueue?.change).toBe(-3);
  });

  it("has no change for a history shorter than a week", () => {
    const t = kpiTrends([point(0, 10), point(3, 12)]);
    expect(t.leadTime?.change).toBeNull();
    expect(t.leadTime?.since).toBeNull();
  });
});
