import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { MaturitySection } from "@/components/overview/maturity-section";
import type { Kpi } from "@/lib/maturity/kpis";
import { QUEUE_DEFINITION } from "@/lib/maturity/waiting-kpi";
import { overviewQueries } from "@/lib/query-options/overview";
import { renderUi } from "@/tests/helpers/render-ui";
import { KpiTiles } from "./kpi-tiles";

const kpi = (id: Kpi["id"], title: string, unit: Kpi["unit"], value: number, p90?: number): Kpi => ({
  id,
  title,
  definition: `Definition of ${title}.`,
  value,
  p90,
  unit,
  n: 5,
  approx: false,
});

/** The manager's tiles, one per unit; the waiting queue's detail is the oldest wait in hours. */
const KPIS: Kpi[] = [
  kpi("leadTime", "Lead time to production", "hours", 20, 30),
  kpi("approvalLatency", "Approval latency", "hours", 6, 9),
  { ...kpi("approvalQueue", "Waiting for a decision", "count", 42, 0.5), definition: QUEUE_DEFINITION },
  kpi("deploymentFrequency", "Deployment frequency", "perWeek", 3),
  kpi("pipelineSuccess", "Pipeline success rate", "percent", 80),
  kpi("prodModelAge", "Age of the model in production", "days", 113),
];

/** Markup stripped, the entities React escapes decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The text of the element with this id. */
function textOf(html: string, id: string): string {
  return text(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1] ?? "");
}

/** The tile's value, and the text its aria-describedby points to. */
function describedValue(tile: string): { value: string; description: string } {
  const m = /<p class="text-(?:2xl|xl) font-semibold" aria-describedby="([^"]+)">([\s\S]*?)<\/p>/.exec(tile);
  expect(m, `a value with a description in ${tile}`).not.toBeNull();
  return { value: text(m?.[2] ?? ""), description: textOf(tile, m?.[1] ?? "") };
}

const tileOf = (html: string, testId: string) =>
  new RegExp(`<li data-testid="${testId}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? "";

/** The unit a value shows, and the words its help text must say for it. */
const SHOWN: [RegExp, RegExp][] = [
  [/ h\b/, /Shown in hours \(h\)/],
  [/ d\b/, /Shown in days \(d\)/],
  [/%/, /Shown in per cent \(%\)/],
  [/\/ week/, /Shown per week \(\/ week\)/],
];

describe("maturity KPI tiles explain themselves (issue 20)", () => {
  it("each tile's value is described by its definition and the unit it shows", () => {
    const html = renderUi(<KpiTiles kpis={KPIS} />);
    for (const k of KPIS) {
      const { value, description } = describedValue(tileOf(html, `kpi-${k.id}`));
      expect(description, k.id).toContain(k.definition);
      for (const [shown, words] of SHOWN) if (shown.test(value)) expect(description, k.id).toMatch(words);
    }
  });

  it("the waiting tile's definition names the unit its 'oldest' is written in: minutes, hours or days", () => {
    for (const [hours, shown, unit] of [
      [0.5, "oldest 30 min", "minutes"],
      [30, "oldest 30 h", "hours"],
      [100, "oldest 4 d", "days"],
    ] as const) {
      const queue = { ...KPIS[2], p90: hours } as Kpi;
      const { value, description } = describedValue(
        tileOf(renderUi(<KpiTiles kpis={[queue]} />), "kpi-approvalQueue"),
      );
      expect(value).toContain(shown);
      expect(description).toMatch(new RegExp(`in ${unit}`));
    }
  });

  it("the overview's headlines open their definition and unit from a keyboard-reachable disclosure", () => {
    const headlines = KPIS.filter((k) => ["leadTime", "approvalLatency", "pipelineSuccess"].includes(k.id));
    const client = new QueryClient();
    client.setQueryData(overviewQueries.maturity().queryKey, {
      generatedAt: Date.UTC(2026, 11, 1),
      phases: [{ phase: "Initial", solutions: [{ key: "growth", name: "Growth" }] }],
      urgent: [],
      kpis: headlines,
    });
    const html = renderUi(<MaturitySection />, { client });
    expect(headlines).toHaveLength(3);
    for (const k of headlines) {
      const tile = tileOf(html, `overview-kpi-${k.id}`);
      // a native <details>: Tab reaches its <summary>, Enter or Space opens it (a title tooltip never shows)
      expect(tile, k.id).toMatch(
        new RegExp(`<details[^>]*><summary[^>]*>What this measures<span class="sr-only">: ${k.title}</span>`),
      );
      expect(tile).not.toMatch(/title="/);
      const { value, description } = describedValue(tile);
      expect(description).toContain(k.definition);
      for (const [shown, words] of SHOWN) if (shown.test(value)) expect(description, k.id).toMatch(words);
    }
  });
});
