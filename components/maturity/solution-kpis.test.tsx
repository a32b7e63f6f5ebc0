import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Kpi } from "@/lib/maturity/kpis";
import type { History } from "@/lib/maturity-history/history";
import { maturityHistoryQueries } from "@/lib/query-options/maturity-history";
import { renderUi } from "@/tests/helpers/render-ui";
import { SolutionView } from "./solution-view";
import { maturityQueries } from "@/lib/query-options/maturity";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);
const KPI: Kpi = {
  id: "leadTime",
  title: "Lead time to production",
  definition: "Median time from registering a version to its first production deployment.",
  value: 20,
  p90: 30,
  unit: "hours",
  n: 4,
  approx: false,
};
const point = (at: number, value: number) => ({
  at,
  phase: "Repeatable" as const,
  score: 50,
  progress: 40,
  provisional: false,
  source: "scheduled",
  checks: {},
  kpis: { leadTime: { value, n: 4, approx: false } },
});

describe("solution KPI tiles", () => {
  it("show the solution's trend (sparkline and change vs ~30 days ago), as the organisation's do", () => {
    const client = new QueryClient();
    const history: History = {
      points: [point(NOW - 40 * DAY, 26), point(NOW - 20 * DAY, 24), point(NOW, 20)],
    };
    client.setQueryData(maturityHistoryQueries.history("growth", 90).queryKey, history);
    client.setQueryData(maturityQueries.solution("growth").queryKey, {
      generatedAt: NOW,
      assessment: {
        key: "growth",
        name: "Growth",
        phase: "Repeatable",
        provisional: false,
        next: "Reliable",
        progress: 40,
        score: 50,
        checks: [],
      },
      kpis: [KPI],
      targets: {},
      warnings: [],
    } as never);
    const html = renderUi(<SolutionView solutionKey="growth" />, { client });
    expect(html).toContain('data-testid="kpi-leadTime"');
    expect(html).toContain('data-testid="kpi-change-leadTime"');
    expect(html).toMatch(/▼ 6 h vs 40 days ago/);
    expect(html).toContain('data-testid="kpi-spark-leadTime"');
  });
});
