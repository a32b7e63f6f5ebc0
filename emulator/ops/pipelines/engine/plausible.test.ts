import { describe, expect, it } from "vitest";
import { metricOfPath, plausibleValue } from "./plausible";
import { propertyDocuments, setPath } from "./property-files";

describe("plausible metric values", () => {
  it("names the metric of a path", () => {
    expect(metricOfPath("regression_metrics.mse.value")).toEqual({ metric: "mse", deviation: false });
    expect(metricOfPath("metrics['auc'].standard_deviation")).toEqual({ metric: "auc", deviation: true });
    expect(metricOfPath("scores[0].f1")).toEqual({ metric: "f1", deviation: false });
  });

  it("keeps error metrics small and non-negative and scores in range, deterministically", () => {
    for (const seed of ["a", "b", "c", "d", "e"]) {
      for (const m of ["mse", "rmse", "mae", "logloss", "validation_loss"]) {
        const v = plausibleValue(`regression_metrics.${m}.value`, {}, seed);
        expect(v, m).toBeGreaterThanOrEqual(0);
        expect(v, m).toBeLessThan(0.5);
      }
      for (const m of ["accuracy", "auc", "f1", "precision", "recall", "r2"]) {
        const v = plausibleValue(`metrics.${m}.value`, {}, seed);
        expect(v, m).toBeGreaterThan(0.5);
        expect(v, m).toBeLessThanOrEqual(1);
      }
    }
    expect(plausibleValue("a.mse.value", {}, "s")).toBe(plausibleValue("a.mse.value", {}, "s"));
  });

  it("follows the training step's metric of the same name (mse from rmse)", () => {
    const training = { "validation:auc": 0.9, "validation:rmse": 0.3 };
    expect(Math.abs(plausibleValue("m.auc.value", training, "s") - 0.9)).toBeLessThan(0.011);
    expect(plausibleValue("m.auc.value", training, "s")).toBeLessThan(0.9);
    expect(Math.abs(plausibleValue("m.mse.value", training, "s") - 0.09)).toBeLessThan(0.011);
  });

  it("builds nested objects and lists along a path without overwriting what is there", () => {
    const doc = { metrics: { auc: { value: 0.8 } } };
    setPath(doc, "metrics.auc.value", 0.1);
    setPath(doc, "a.b[1].c", 2);
    expect(doc).toEqual({ metrics: { auc: { value: 0.8 } }, a: { b: [undefined, { c: 2 }] } });
    expect(propertyDocuments).toBeTypeOf("function");
  });
});
