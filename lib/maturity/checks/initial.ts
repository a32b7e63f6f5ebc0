import { firstN, grade, inWindow, need, ratio, type CheckDefinition } from "./define";

export const INITIAL_CHECKS: CheckDefinition[] = [
  {
    id: "I-1",
    phase: "Initial",
    title: "Training runs as managed jobs",
    threshold: "at least one Completed training job in the window",
    action:
      "Run training as SageMaker Training or Processing jobs instead of only inside notebooks, so every run is recorded.",
    run(e, cfg) {
      const jobs = need(e.trainingJobs).filter((j) => inWindow(j.createdAt, e, cfg));
      const done = jobs.filter((j) => j.status === "Completed");
      return {
        status: done.length > 0 ? "pass" : "fail",
        observed: `${done.length} completed of ${jobs.length} training jobs in ${cfg.windowDays} days`,
        evidence: firstN(done).map((j) => ({
          label: j.name,
          ref: { kind: "trainingJob", id: j.name, label: j.name },
          at: j.createdAt,
        })),
      };
    },
  },
  {
    id: "I-2",
    phase: "Initial",
    title: "Experiments tracked with parameters and metrics",
    threshold:
      "≥80% of training jobs in an experiment, with at least one metric when completed (partial: some)",
    action:
      "Log every run with SageMaker Experiments (Run) or managed MLflow, including parameters, metrics and the dataset URI.",
    run(e, cfg) {
      const jobs = need(e.trainingJobs).filter((j) => inWindow(j.createdAt, e, cfg));
      // final metrics exist only for a job that completed: a failed or stopped job in an experiment is tracked
      const ok = (j: (typeof jobs)[number]) => j.tracked && (j.metricCount > 0 || j.status !== "Completed");
      const tracked = jobs.filter(ok);
      const untracked = jobs.filter((j) => !ok(j));
      return {
        status: grade(tracked.length, jobs.length, 0.8, 0),
        observed: `${ratio(tracked.length, jobs.length)} of training jobs tracked with metrics`,
        evidence: firstN(untracked).map((j) => ({
          label: `not tracked: ${j.name}`,
          ref: { kind: "trainingJob", id: j.name, label: j.name },
        })),
      };
    },
  },
  {
    id: "I-3",
    phase: "Initial",
    required: false,
    title: "Ownership and context tags",
    threshold: "≥90% of model groups, pipelines and endpoints carry the required tags (partial: ≥50%)",
    action: "Apply team/project/environment tags and enforce them with tag policies or SCPs.",
    run(e, cfg) {
      const resources = need(e.taggedResources);
      const missing = resources.filter((r) => cfg.requiredTags.some((k) => !r.tags[k]));
      return {
        status: grade(resources.length - missing.length, resources.length, 0.9, 0.5),
        observed: `${ratio(resources.length - missing.length, resources.length)} of resources tagged ${cfg.requiredTags.join(", ")}`,
        evidence: firstN(missing).map((r) => ({
          label: `missing ${cfg.requiredTags.filter((k) => !r.tags[k]).join(", ")}`,
          ref: r.ref,
        })),
      };
    },
  },
  {
    id: "I-4",
    phase: "Initial",
    required: false,
    title: "A model is served for evaluation",
    threshold: "at least one endpoint InService",
    action: "Deploy the candidate to a dev endpoint or run a batch transform to check inference end to end.",
    run(e) {
      const live = need(e.endpoints).filter((ep) => ep.status === "InService");
      return {
        status: live.length > 0 ? "pass" : "fail",
        observed: `${live.length} endpoints in service`,
        evidence: firstN(live).map((ep) => ({ label: ep.ref.label, ref: ep.ref, value: ep.stage })),
      };
    },
  },
];
