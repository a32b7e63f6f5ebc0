import { describe, expect, it } from "vitest";
import { MAX_METRICS_PER_REPORT, parseReport } from "./parse";

describe("parseReport", () => {
  it("reads regression_metrics with their standard deviation, named by the metric's own key", () => {
    const r = parseReport(
      JSON.stringify({
        regression_metrics: { mse: { value: 4.1, standard_deviation: 0.2 }, r2: { value: 0.61 } },
      }),
    );
    expect(r).toEqual({
      ok: true,
      omitted: 0,
      metrics: [
        { name: "mse", value: 4.1, standardDeviation: 0.2 },
        { name: "r2", value: 0.61 },
      ],
    });
  });

  it("reads binary_classification_metrics, keeps the confusion matrix by path and skips the ROC curve", () => {
    const r = parseReport(
      JSON.stringify({
        binary_classification_metrics: {
          auc: { value: 0.93, standard_deviation: 0.007 },
          confusion_matrix: { "0": { "0": 1180, "1": 51 }, "1": { "0": 7, "1": 62 } },
          receiver_operating_characteristic_curve: {
            false_positive_rates: [0, 0.1, 1],
            true_positive_rates: [0, 0.8, 1],
          },
        },
      }),
    );
    if (!r.ok) throw new Error("expected a report");
    expect(r.metrics.map((m) => [m.name, m.value])).toEqual([
      ["auc", 0.93],
      ["confusion_matrix.0.0", 1180],
      ["confusion_matrix.0.1", 51],
      ["confusion_matrix.1.0", 7],
      ["confusion_matrix.1.1", 62],
    ]);
  });

  it("reads multiclass_classification_metrics", () => {
    const r = parseReport(
      JSON.stringify({
        multiclass_classification_metrics: {
          accuracy: { value: 0.88, standard_deviation: 0.01 },
          weighted_f1: { value: 0.86, standard_deviation: 0.012 },
        },
      }),
    );
    expect(r.ok && r.metrics).toEqual([
      { name: "accuracy", value: 0.88, standardDeviation: 0.01 },
      { name: "weighted_f1", value: 0.86, standardDeviation: 0.012 },
    ]);
  });

  it("names a team's own nested numbers by dotted path and ignores strings, booleans and numeric lists", () => {
    const r = parseReport(
      JSON.stringify({
        evaluation: { auc: 0.91, threshold: { value: 0.5 }, passed: true, model: "xgb" },
        data: { rows: 12000, splits: [0.7, 0.2, 0.1] },
        latency_ms: { p50: 11.5, p99: 40 },
      }),
    );
    expect(r.ok && r.metrics.map((m) => `${m.name}=${m.value}`)).toEqual([
      "evaluation.auc=0.91",
      "evaluation.threshold=0.5",
      "data.rows=12000",
      "latency_ms.p50=11.5",
      "latency_ms.p99=40",
    ]);
  });

  it("uses the name of named entries in lists (Clarify's bias metrics)", () => {
    const r = parseReport(
      JSON.stringify({
        post_training_bias_metrics: {
          facets: {
            age: [{ value_or_threshold: "40", metrics: [{ name: "DPPL", description: "x", value: -0.05 }] }],
          },
        },
      }),
    );
    expect(r.ok && r.metrics).toEqual([
      { name: "post_training_bias_metrics.facets.age.0.metrics.DPPL", value: -0.05 },
    ]);
  });

  it("says a document is not JSON, and a JSON document without numbers has no metrics", () => {
    expect(parseReport("<html>oops</html>")).toEqual({ ok: false, reason: "not-json" });
    expect(parseReport("")).toEqual({ ok: false, reason: "not-json" });
    expect(parseReport('{"note": "see the notebook"}')).toEqual({ ok: true, metrics: [], omitted: 0 });
  });

  it("keeps the first values of a huge report and counts the rest", () => {
    const features = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, i]));
    const r = parseReport(JSON.stringify({ features }));
    expect(r.ok && r.metrics.length).toBe(MAX_METRICS_PER_REPORT);
    expect(r.ok && r.omitted).toBe(300 - MAX_METRICS_PER_REPORT);
  });
});
