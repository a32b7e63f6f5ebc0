import { describe, expect, it } from "vitest";
import { handleApiError } from "@/lib/api/errors";
import { parseColumns, sortPath } from "@/lib/experiments/columns";
import { compareRows, numericParams } from "@/lib/experiments/compare";
import { translateFilter } from "@/lib/experiments/filter";
import type { RunDetail } from "@/lib/experiments/types";
import { ValidationError } from "@/lib/errors";
import { getRun, getRunsForCompare, listExperiments, searchRuns } from "@/lib/sagemaker/experiments/reads";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

const EXP = "churn-xgb-tuning"; // 50 manual runs, XGBoost params, validation:auc metric

describe("filter language → Search filters", () => {
  it("translates metrics, stats, status, params and tags", () => {
    expect(
      translateFilter("validation:auc > 0.85 and status = failed; param.max_depth = 6 and tag.team ~ gro"),
    ).toEqual([
      { Name: "Metrics.validation:auc", Operator: "GreaterThan", Value: "0.85" },
      { Name: "Status.PrimaryStatus", Operator: "Equals", Value: "Failed" },
      { Name: "Parameters.max_depth", Operator: "Equals", Value: "6" },
      { Name: "Tags.team", Operator: "Contains", Value: "gro" },
    ]);
    expect(translateFilter("train:logloss.min <= 0.3")).toEqual([
      { Name: "Metrics.train:logloss.Min", Operator: "LessThanOrEqualTo", Value: "0.3" },
    ]);
    expect(translateFilter("  ")).toEqual([]);
  });

  it.each([
    ["validation:auc >", /not a filter clause/],
    ["validation:auc > high", /not a number/],
    ["status = Exploded", /Status "Exploded" is unknown/],
    ["status > Failed", /only be compared with = or !=/],
    ["just words", /not a filter clause/],
    [Array.from({ length: 20 }, () => "a > 1").join(" and "), /At most 19/],
  ])("rejects %s", (text, message) => {
    expect(() => translateFilter(text)).toThrow(message);
  });
});

describe("columns and compare rows", () => {
  it("maps column ids to Search sort paths and drops unknown ids", () => {
    expect(sortPath("m:validation:auc:max")).toBe("Metrics.validation:auc.Max");
    expect(sortPath("m:validation:auc:last")).toBe("Metrics.validation:auc");
    expect(sortPath("p:max_depth")).toBe("Parameters.max_depth");
    expect(sortPath("status")).toBe("Status.PrimaryStatus");
    expect(sortPath("duration")).toBeNull();
    expect(parseColumns("p:eta,zzz,m:train:loss:avg,m:rmse").map((c) => c.id)).toEqual([
      "p:eta",
      "m:train:loss:avg",
      "m:rmse:last",
    ]);
  });

  it("flags rows whose values differ between runs", () => {
    const run = (name: string, depth: number, auc: number): RunDetail => ({
      name,
      displayName: name,
      status: "Completed",
      params: { max_depth: depth, objective: "binary:logistic" },
      metrics: { auc: { name: "auc", last: auc } },
      inputs: [],
      outputs: [],
      tags: {},
    });
    const rows = compareRows([run("a", 6, 0.8), run("b", 6, 0.9), run("c", 6, 0.9)]);
    expect(rows.map((r) => [r.key, r.differs])).toEqual([
      ["p:max_depth", false],
      ["p:objective", false],
      ["m:auc", true],
    ]);
    expect(numericParams([run("a", 6, 0.8), run("b", 8, 0.9)])).toEqual(["max_depth"]);
  });
});

describe("experiments and runs against the emulator", () => {
  const emu = emulatorFixture({ noCache: true });

  it("lists experiments with run counts, search and paging", async () => {
    const page = await listExperiments({ q: "churn-xgb", size: 10 });
    const row = page.items.find((e) => e.name === EXP);
    expect(row).toMatchObject({ runs: 50, source: "manual" });
    expect(page.items.every((e) => e.name.includes("churn-xgb"))).toBe(true);
    const first = await listExperiments({ size: 10, sort: "name", dir: "asc" });
    expect(first.items.map((e) => e.name)).toEqual([...first.items.map((e) => e.name)].sort());
    expect(first.nextToken).toBeTruthy();
    const second = await listExperiments({ size: 10, sort: "name", dir: "asc", after: first.nextToken });
    expect(second.items[0]?.name.localeCompare(first.items.at(-1)?.name ?? "")).toBeGreaterThan(0);
    const pipelineRun = (await searchRuns("churn-train", { size: 1 })).items[0];
    const detail = await getRun("churn-train", pipelineRun?.name ?? "");
    expect(detail.pipelineExecutionId).toMatch(/^[a-z0-9]+$/);
    // the runs list names the execution too (issue 20: a pipeline's runs all say "Train")
    expect(pipelineRun?.executionId).toBe(detail.pipelineExecutionId);
    expect(detail.sourceArn).toMatch(/:[a-z-]+-job\//);
    const piped = await listExperiments({ q: "churn-train", size: 10 });
    expect(piped.items.find((e) => e.name === "churn-train")?.source).toBe("pipeline");
  });

  it("sorts runs by a metric and filters on the server", async () => {
    const all = await searchRuns(EXP, { size: 100, sort: "m:validation:auc:last", dir: "desc" });
    expect(all.total).toBe(50);
    const aucs = all.items.map((r) => r.metrics["validation:auc"]?.last ?? NaN);
    expect(aucs).toEqual([...aucs].sort((a, b) => b - a));
    const threshold = aucs[9] ?? 0;
    const filtered = await searchRuns(EXP, { filter: `validation:auc > ${threshold}`, size: 100 });
    expect(filtered.total).toBe(aucs.filter((a) => a > threshold).length);
    const depth6 = await searchRuns(EXP, { filter: "param.max_depth = 6", size: 100 });
    expect(depth6.total).toBe(all.items.filter((r) => r.params.max_depth === 6).length);
    expect(depth6.items.every((r) => r.params.max_depth === 6)).toBe(true);
    const failed = await searchRuns(EXP, { filter: "status = Failed", size: 100 });
    expect(failed.items.every((r) => r.status === "Failed")).toBe(true);
    expect(failed.total).toBe(all.items.filter((r) => r.status === "Failed").length);
    const byParam = await searchRuns(EXP, { sort: "p:eta", dir: "asc", size: 100 });
    const etas = byParam.items.map((r) => Number(r.params.eta));
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    expect(all.metricNames).toContain("validation:auc");
    expect(all.paramNames).toContain("max_depth");
  });

  it("pages with a cursor and keeps rows distinct", async () => {
    const p1 = await searchRuns(EXP, { size: 20, sort: "name", dir: "asc" });
    const p2 = await searchRuns(EXP, { size: 20, sort: "name", dir: "asc", after: p1.nextToken });
    expect(p1.items).toHaveLength(20);
    const names = new Set([...p1.items, ...p2.items].map((r) => r.name));
    expect(names.size).toBe(40);
  });

  it("answers a bad filter or sort with a 422 that says what to fix", async () => {
    await expect(searchRuns(EXP, { filter: "validation:auc > lots" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const err = await searchRuns(EXP, { filter: "status = Exploded" }).catch((e: unknown) => e);
    const res = handleApiError(err, "req-1", "GET /api/experiments/x/runs");
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/Status "Exploded" is unknown; use one of/);
    await expect(searchRuns(EXP, { sort: "bogus" })).rejects.toThrow(/not a column/);
  });

  it("shows SageMaker's own error: a missing permission names the IAM action", async () => {
    const fault = {
      operation: "Search",
      errorCode: "AccessDeniedException",
      status: 400,
      message:
        "User: arn:aws:iam::123456789012:user/ds is not authorized to perform: sagemaker:Search on resource: *",
      count: 1,
    };
    await fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(fault) });
    const err = await searchRuns(EXP, { size: 10, filter: "status = Completed" }).catch((e: unknown) => e);
    const res = handleApiError(err, "req-2", "GET /api/experiments/x/runs");
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain("sagemaker:Search");
    expect((await searchRuns(EXP, { size: 10, filter: "status = Completed" })).items.length).toBeGreaterThan(
      0,
    );
  });

  it("reads a run and compares runs in few calls", async () => {
    const page = await searchRuns(EXP, { size: 3 });
    const [a, b, c] = page.items;
    if (!a || !b || !c) throw new Error("seed has fewer than 3 runs");
    const run = await getRun(EXP, a.name);
    expect(run.experimentName).toBe(EXP);
    expect(run.inputs.length).toBeGreaterThan(0);
    expect(run.tags.team).toBe("growth");
    await expect(getRun(EXP, "no-such-run")).rejects.toThrow(/was not found/);
    const cmp = await getRunsForCompare(EXP, [c.name, a.name, b.name]);
    expect(cmp.map((r) => r.name)).toEqual([c.name, a.name, b.name]);
  });
});
