import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { RunDetail, RunPage, RunRow } from "@/lib/experiments/types";
import { compareRows } from "@/lib/experiments/compare";
import { experimentQueries } from "@/lib/query-options/experiments";
import { renderUi } from "@/tests/helpers/render-ui";
import { CompareTable } from "./compare-table";
import { CompareView } from "./compare-view";
import { ParallelCoordinates } from "./parallel-coordinates";
import { runColumns } from "./run-columns";
import { RunsPager } from "./runs-pager";
import { RunsView } from "./runs-view";
import { namesQuery, NoRunsMatch } from "./unknown-names";

const T = Date.UTC(2026, 10, 30, 14, 2);
const run = (name: string, exec: string, start: number, auc: number, depth: number): RunDetail => ({
  name,
  displayName: "Train",
  status: "Completed",
  startedAt: start,
  executionId: exec,
  experimentName: "churn-pipeline",
  params: { max_depth: depth },
  metrics: { "validation:auc": { name: "validation:auc", last: auc } },
  inputs: [],
  outputs: [],
  tags: {},
});
const RUNS = [run("a-train", "exec0001aa", T, 0.91, 4), run("b-train", "exec0002bb", T + 3_600_000, 0.93, 6)];
const page = (items: RunRow[], total = items.length, more?: string): RunPage => ({
  items,
  total,
  nextToken: more,
  paramNames: ["max_depth"],
  metricNames: ["validation:auc"],
});
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });

describe("compare: runs of a pipeline experiment are told apart", () => {
  it("each column names the run's execution and start, linking to the run and the execution", () => {
    const html = renderUi(<CompareTable runs={RUNS} rows={compareRows(RUNS)} experiment="churn-pipeline" />);
    expect(html).toContain('href="/pipelines/churn-pipeline/executions/exec0001aa"');
    expect(html).toContain('href="/pipelines/churn-pipeline/executions/exec0002bb"');
    expect(html).toContain('href="/experiments/churn-pipeline/runs/a-train"');
    expect(html).toContain("2026-11-30 14:02 UTC");
    expect(html).toContain("2026-11-30 15:02 UTC");
    expect(html).toContain('title="Train · exec exec0001aa · 2026-11-30 14:02 UTC"');
  });

  it("the runs table's name cell names the execution, and parameter headers get a title and room", () => {
    const cols = runColumns(
      "churn-pipeline",
      [{ kind: "param", id: "p:NumRoundsLongParameter", param: "NumRoundsLongParameter" }],
      {
        has: () => false,
        toggle: () => undefined,
      },
    );
    const name = cols.find((c) => c.id === "name");
    const html = renderUi(<>{name?.cell(RUNS[0]!)}</>);
    expect(html).toContain("exec exec0001aa");
    expect(html).toContain('href="/pipelines/churn-pipeline/executions/exec0001aa"');
    const param = cols.find((c) => c.id === "p:NumRoundsLongParameter");
    expect(param?.title).toBe("NumRoundsLongParameter");
    expect(Number.parseFloat(param?.minWidth ?? "0")).toBeGreaterThanOrEqual(15);
  });

  it("parallel coordinates have a colour legend and each line names its run", () => {
    const html = renderUi(<ParallelCoordinates runs={RUNS} params={["max_depth"]} metric="validation:auc" />);
    expect(html).toContain('aria-label="Colour: validation:auc"');
    expect(html).toContain(
      "<title>Train · exec exec0001aa · 2026-11-30 14:02 UTC · validation:auc 0.91</title>",
    );
    expect(html).toContain(
      "<title>Train · exec exec0002bb · 2026-11-30 15:02 UTC · validation:auc 0.93</title>",
    );
  });
});

describe("compare selection", () => {
  it("201 runs: 'Too many runs selected (max 200)'", () => {
    const runs = Array.from({ length: 201 }, (_, i) => `r${i}`).join(",");
    const html = renderUi(<CompareView experiment="churn-pipeline" />, { search: `?runs=${runs}` });
    expect(html).toContain("Too many runs selected (max 200)");
    expect(html).not.toContain("Pick 2 to 200");
  });

  it("the selection is read from the URL (survives a reload) with select-page and select-all", () => {
    const c = client();
    c.setQueryData(
      experimentQueries.runs("churn-pipeline", { sort: "start", dir: "desc", size: 50 }).queryKey,
      page(RUNS, 120, "next-token"),
    );
    const html = renderUi(<RunsView experiment="churn-pipeline" />, {
      client: c,
      search: "?sel=a-train,b-train",
    });
    expect(html).toContain("2 selected");
    expect(html).toContain('href="/experiments/churn-pipeline/compare?runs=a-train%2Cb-train"');
    expect(html).toContain("Select all 120 matching runs");
    expect(html).toContain('aria-label="Select every run on this page"');
    expect(html).toContain("Page 1 of 3");
  });

  it("201 selected in the runs view: says too many and offers no Compare link", () => {
    const c = client();
    c.setQueryData(
      experimentQueries.runs("churn-pipeline", { sort: "start", dir: "desc", size: 50 }).queryKey,
      page(RUNS, 500, "next-token"),
    );
    const sel = Array.from({ length: 201 }, (_, i) => `r${i}`).join(",");
    const html = renderUi(<RunsView experiment="churn-pipeline" />, { client: c, search: `?sel=${sel}` });
    expect(html).toContain("201 selected");
    expect(html).toContain("Too many runs selected (max 200)");
    expect(html).not.toContain("/compare?runs=");
  });
});

describe("runs filter and pager", () => {
  it("an unknown metric says it does not exist and suggests names, instead of '0 runs match'", () => {
    const c = client();
    c.setQueryData(namesQuery("churn-pipeline").queryKey, page(RUNS));
    const html = renderUi(<NoRunsMatch experiment="churn-pipeline" filter="validaton:auc > 0.8" />, {
      client: c,
    });
    expect(html).toContain(
      "Metric &quot;validaton:auc&quot; does not exist in this experiment&#x27;s newest 100 runs. Did you mean validation:auc?",
    );
    expect(html).not.toContain("No runs match");
  });

  it("the pager has a previous page and the page count", () => {
    const html = renderUi(
      <RunsPager
        page={2}
        total={230}
        size={50}
        hasNext
        trailKey="k"
        onFirst={() => undefined}
        onPage={() => undefined}
        onNext={() => undefined}
      />,
    );
    expect(html).toContain("Previous page");
    expect(html).toContain("Page 2 of 5");
    expect(html).not.toMatch(/<button[^>]*\sdisabled=""[^>]*>Previous page/);
  });
});
