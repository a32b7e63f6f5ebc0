import { describe, expect, it } from "vitest";
import { barDomain } from "./chart-scale";
import { closeNames, unknownNameMessage, unknownNames } from "./filter-names";
import { runAxisLabel, runLabel } from "./run-label";
import { compareProblem, parseSelection, togglePage, toggleRun, writeSelection } from "./selection";

const T = Date.UTC(2026, 10, 30, 14, 2);

describe("run labels", () => {
  it("tell a pipeline's 'Train' runs apart by execution and start time", () => {
    const a = { name: "a-train", displayName: "Train", executionId: "3f9a2c7d1e", startedAt: T };
    const b = { name: "b-train", displayName: "Train", executionId: "77b01c99aa", startedAt: T + 3_600_000 };
    expect(runLabel(a)).toBe("Train · exec 3f9a2c7d1e · 2026-11-30 14:02 UTC");
    expect(runLabel(a)).not.toBe(runLabel(b));
    expect(runAxisLabel(a)).toBe("Train · 3f9a2c7d");
    expect(runAxisLabel(a)).not.toBe(runAxisLabel(b));
  });
  it("keep a manual run's own name", () => {
    expect(runLabel({ name: "r1", displayName: "xgb lr=0.1", startedAt: T })).toBe("xgb lr=0.1");
  });
});

describe("compare selection", () => {
  it("round-trips through the URL and toggles a page", () => {
    expect(parseSelection(writeSelection(["a", "b"]))).toEqual(["a", "b"]);
    expect(writeSelection([])).toBeNull();
    expect(toggleRun(["a"], "b")).toEqual(["a", "b"]);
    expect(toggleRun(["a", "b"], "a")).toEqual(["b"]);
    expect(togglePage(["x"], ["a", "b"])).toEqual(["x", "a", "b"]);
    expect(togglePage(["x", "a", "b"], ["a", "b"])).toEqual(["x"]);
  });
  it("says 201 runs are too many, not 'pick 2 to 200'", () => {
    expect(compareProblem(201)).toBe("Too many runs selected (max 200)");
    expect(compareProblem(200)).toBeNull();
    expect(compareProblem(1)).toBe("Pick at least 2 runs to compare");
  });
  it("keeps selecting past 200 so the count is honest (the old toggle stopped silently at 200)", () => {
    const many = Array.from({ length: 200 }, (_, i) => `r${i}`);
    expect(toggleRun(many, "r200")).toHaveLength(201);
  });
});

describe("unknown names in a filter", () => {
  const known = {
    metricNames: ["validation:auc", "validation:logloss", "train:auc"],
    paramNames: ["max_depth", "eta"],
  };
  it("names a metric that does not exist and suggests close names", () => {
    const [u, ...rest] = unknownNames("validaton:auc > 0.8 and status = Completed", known);
    expect(rest).toEqual([]);
    expect(u).toEqual({
      kind: "metric",
      name: "validaton:auc",
      suggestions: ["validation:auc"],
    });
    expect(unknownNameMessage(u!, "this experiment")).toBe(
      'Metric "validaton:auc" does not exist in this experiment. Did you mean validation:auc?',
    );
  });
  it("checks a stat's metric and parameters too, and passes known names", () => {
    expect(unknownNames("validation:auc.max > 0.8 and param.max_depth = 6", known)).toEqual([]);
    expect(unknownNames("param.maxdepth = 6", known)[0]).toMatchObject({
      kind: "parameter",
      suggestions: ["max_depth"],
    });
    expect(unknownNames("not a clause", known)).toEqual([]);
    expect(closeNames("zzzz", known.metricNames)).toEqual([]);
  });
});

describe("bar chart value axis", () => {
  it("starts at zero so small differences are not exaggerated", () => {
    expect(barDomain([0.91, 0.93, 0.92])).toEqual([0, 0.93]);
    expect(barDomain([-2, -1])).toEqual([-2, 0]);
    expect(barDomain([-1, 3, null])).toEqual([-1, 3]);
    expect(barDomain([])).toEqual([0, 1]);
  });
});
