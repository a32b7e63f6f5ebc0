import type { ExecutionEvidence } from "../types";
import { AUTOMATED_STARTS } from "./automation";
import { DAY_MS, firstN, grade, inWindow, need, ratio, type CheckDefinition } from "./define";

const isPipelineExecution = (arn: string | undefined) => !!arn && /:pipeline\/[^/]+\/execution\//.test(arn);

export const REPEATABLE_CHECKS: CheckDefinition[] = [
  {
    id: "R-1",
    phase: "Repeatable",
    title: "Training orchestrated by SageMaker Pipelines",
    threshold:
      "a Succeeded execution in 30 days and ≥80% of training jobs run by pipelines (partial: a pipeline exists)",
    action: "Move notebook code into a SageMaker Pipeline (preprocess → train → evaluate → register).",
    run(e, cfg) {
      const pipelines = need(e.pipelines);
      const jobs = need(e.trainingJobs).filter((j) => inWindow(j.createdAt, e, cfg));
      const recent = pipelines.flatMap((p) =>
        p.executions.filter((x) => x.status === "Succeeded" && x.startedAt >= e.now - 30 * DAY_MS),
      );
      const fromPipeline = jobs.filter((j) => j.fromPipeline);
      const share = jobs.length === 0 ? 1 : fromPipeline.length / jobs.length;
      const status = pipelines.length === 0 ? "fail" : recent.length > 0 && share >= 0.8 ? "pass" : "partial";
      return {
        status,
        observed: `${pipelines.length} pipelines, ${recent.length} succeeded executions in 30 days, ${ratio(fromPipeline.length, jobs.length)} of training jobs from pipelines`,
        evidence: firstN(recent).map((x) => ({
          label: x.ref.label,
          ref: x.ref,
          value: x.status,
          at: x.startedAt,
        })),
      };
    },
  },
  {
    id: "R-2",
    phase: "Repeatable",
    title: "Pipeline covers preparation, evaluation and registration",
    threshold: "a pipeline with Processing, Training (or Tuning) and RegisterModel (or Model) steps",
    action:
      "Add an evaluation Processing step and a RegisterModel step so every run produces a benchmarked package.",
    run(e) {
      const pipelines = need(e.pipelines);
      const covers = (types: string[]) =>
        types.includes("Processing") &&
        (types.includes("Training") || types.includes("Tuning")) &&
        (types.includes("RegisterModel") || types.includes("Model"));
      const good = pipelines.filter((p) => covers(p.stepTypes));
      return {
        status: pipelines.length === 0 ? "fail" : good.length > 0 ? "pass" : "partial",
        observed: `${ratio(good.length, pipelines.length)} of pipelines prepare, train and register`,
        evidence: pipelines.map((p) => ({
          label: p.ref.label,
          ref: p.ref,
          value: [...new Set(p.stepTypes)].join(", "),
        })),
      };
    },
  },
  {
    id: "R-3",
    phase: "Repeatable",
    title: "Automated quality gate before registration",
    threshold: "a Condition step guards RegisterModel and was evaluated in the latest execution",
    action:
      "Add a ConditionStep on evaluation metrics (e.g. AUC ≥ baseline) in front of RegisterModel, with a Fail step on the else branch.",
    run(e) {
      const gated = need(e.pipelines).filter((p) => p.hasGateBeforeRegister);
      if (gated.length === 0)
        return { status: "fail", observed: "no pipeline gates registration on a condition" };
      const latest = gated
        .map((p) =>
          [...p.executions].sort((a, b) => b.startedAt - a.startedAt).find((x) => x.gateOutcomes?.length),
        )
        .filter((x): x is ExecutionEvidence => x !== undefined);
      const outcomes = gated.flatMap((p) => p.executions.flatMap((x) => x.gateOutcomes ?? []));
      const bites = outcomes.filter((o) => o === "False").length;
      return {
        status: latest.length > 0 ? "pass" : "partial",
        observed: `gate in ${gated.length} pipelines; evaluated ${outcomes.length} times, refused ${ratio(bites, outcomes.length)} (gate bite rate)`,
        evidence: latest.map((x) => ({
          label: `latest gated run ${x.ref.label}`,
          ref: x.ref,
          at: x.startedAt,
        })),
      };
    },
  },
  {
    id: "R-4",
    phase: "Repeatable",
    title: "Models versioned in the Model Registry by pipelines",
    threshold:
      "≥80% of versions registered in the window came from a pipeline (partial: registry used by hand)",
    action: "Register every candidate through the pipeline into a model package group per use case.",
    run(e, cfg) {
      const pkgs = need(e.modelPackages).filter((p) => inWindow(p.createdAt, e, cfg));
      if (need(e.modelPackages).length === 0)
        return { status: "fail", observed: "no model package versions" };
      const byPipeline = pkgs.filter((p) => isPipelineExecution(p.generatedBy));
      const status =
        pkgs.length === 0
          ? "partial"
          : grade(byPipeline.length, pkgs.length, 0.8, 0) === "pass"
            ? "pass"
            : "partial";
      return {
        status,
        observed: `${ratio(byPipeline.length, pkgs.length)} of versions registered in ${cfg.windowDays} days came from a pipeline`,
        evidence: firstN(pkgs.filter((p) => !isPipelineExecution(p.generatedBy))).map((p) => ({
          label: `registered by hand: ${p.ref.label}`,
          ref: p.ref,
        })),
      };
    },
  },
  {
    id: "R-5",
    phase: "Repeatable",
    title: "Versions carry benchmark metrics",
    threshold: "≥80% of versions have ModelMetrics (partial: some)",
    action:
      "Attach the evaluation report as ModelMetrics when registering, so approvers can compare versions.",
    run(e) {
      const pkgs = need(e.modelPackages);
      const withMetrics = pkgs.filter((p) => p.hasModelMetrics);
      return {
        status: pkgs.length === 0 ? "fail" : grade(withMetrics.length, pkgs.length, 0.8, 0),
        observed: `${ratio(withMetrics.length, pkgs.length)} of versions carry metrics`,
        evidence: firstN(pkgs.filter((p) => !p.hasModelMetrics)).map((p) => ({
          label: `no metrics: ${p.ref.label}`,
          ref: p.ref,
        })),
      };
    },
  },
  {
    id: "R-6",
    phase: "Repeatable",
    required: false,
    title: "Traceable to code and data",
    threshold: "≥80% of versions name a commit or project and trace to a pipeline execution",
    action:
      "Pass the git commit and repository into MetadataProperties from CI, and keep training inside pipelines so lineage is recorded.",
    run(e) {
      const pkgs = need(e.modelPackages);
      const traced = pkgs.filter((p) => (p.commitId || p.projectId) && isPipelineExecution(p.generatedBy));
      return {
        status: pkgs.length === 0 ? "na" : grade(traced.length, pkgs.length, 0.8, 0),
        observed: `${ratio(traced.length, pkgs.length)} of versions traceable to code and a pipeline run`,
      };
    },
  },
  AUTOMATED_STARTS,
  {
    id: "R-8",
    phase: "Repeatable",
    required: false,
    title: "Data validation and drift baselines",
    threshold: "a QualityCheck or ClarifyCheck step, or versions registered with drift baselines",
    action:
      "Add a QualityCheck step that builds baseline statistics and constraints and registers them as drift baselines.",
    run(e) {
      const checks = need(e.pipelines).filter((p) =>
        p.stepTypes.some((t) => t === "QualityCheck" || t === "ClarifyCheck"),
      );
      const baselines = need(e.modelPackages).filter((p) => p.hasDriftBaselines);
      return {
        status: checks.length > 0 || baselines.length > 0 ? "pass" : "fail",
        observed: `${checks.length} pipelines with data checks, ${baselines.length} versions with drift baselines`,
        evidence: checks.map((p) => ({ label: p.ref.label, ref: p.ref })),
      };
    },
  },
];
