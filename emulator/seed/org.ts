/**
 * The demo organisation, shared by every seeder. Four teams' ML solutions deliberately at different
 * maturity phases, plus a second team on the same project template. Names here are the contract between
 * the seeders (experiments, pipelines, registry, deploy, projects): change them in one place.
 */
export type Phase = "Initial" | "Repeatable" | "Reliable" | "Scalable";

export interface PipelineSpec {
  name: string;
  /** model package group its RegisterModel step writes to */
  modelPackageGroup: string;
  /** executions to seed over the history window (demo scale) */
  executions: number;
  /** share of executions whose training fails or whose quality gate fails */
  failureRate: number;
  /** quality-gate metric and threshold (Condition step) */
  gate: { metric: string; threshold: number };
}

export interface SolutionSpec {
  /** solution key; also the `team`-tag grouping when there is no project */
  key: string;
  team: string;
  displayName: string;
  phase: Phase;
  /** SageMaker Project that created the solution (Scalable) */
  project?: { name: string; id: string; templateProductId: string; templateName: string };
  /** experiments with manually logged runs (not from pipelines) */
  manualExperiments: { name: string; runs: number }[];
  pipelines: PipelineSpec[];
  /** groups without a pipeline (registered by hand) */
  manualModelPackageGroups: string[];
  /** endpoints serving the solution, by stage */
  endpoints: { staging?: string; production?: string };
  /** a data-quality monitoring schedule on the production endpoint */
  monitoring: boolean;
  /** approvals are made by a different person than the registrant, with written reasons */
  manualApprovals: boolean;
  /**
   * versions carry their metrics only in ModelMetrics' evaluation report (S3), with no `metric:<name>` customer
   * metadata: what real teams' pipelines register (the others keep the metadata convention as well)
   */
  metricsInReportsOnly?: true;
  /**
   * who starts the training pipelines: scientists by hand, or (once CI/CD is set up) a CodeBuild role on
   * merge and an EventBridge Scheduler role for the scheduled retrains — SageMaker records it in CreatedBy
   */
  pipelineStarts: "byHand" | "automated";
  scientists: string[];
  approvers: string[];
}

/** The template two teams share (S-2: many teams run the same foundation). */
const MLOPS_TEMPLATE = {
  templateProductId: "prod-mlopsbuilddeploy01",
  templateName: "MLOps template for model building, training, and deployment",
};

export const SOLUTIONS: SolutionSpec[] = [
  {
    key: "demand-forecast",
    team: "supply-chain",
    displayName: "Demand forecasting",
    phase: "Initial",
    manualExperiments: [
      { name: "demand-forecast-prophet", runs: 60 },
      { name: "demand-forecast-deepar", runs: 45 },
      { name: "demand-forecast-baselines", runs: 30 },
      { name: "demand-forecast-features", runs: 25 },
      { name: "demand-forecast-holidays", runs: 20 },
    ],
    pipelines: [],
    manualModelPackageGroups: [],
    endpoints: {},
    monitoring: false,
    manualApprovals: false,
    pipelineStarts: "byHand",
    scientists: ["lena.fischer", "omar.haddad"],
    approvers: [],
  },
  {
    key: "churn",
    team: "growth",
    displayName: "Customer churn",
    phase: "Repeatable",
    manualExperiments: [
      { name: "churn-feature-study", runs: 40 },
      { name: "churn-xgb-tuning", runs: 50 },
      { name: "churn-class-weights", runs: 20 },
      { name: "churn-calibration", runs: 15 },
    ],
    pipelines: [
      {
        name: "churn-train",
        modelPackageGroup: "churn-xgboost",
        executions: 70,
        failureRate: 0.15,
        gate: { metric: "auc", threshold: 0.8 },
      },
      {
        name: "churn-uplift-train",
        modelPackageGroup: "churn-uplift",
        executions: 40,
        failureRate: 0.2,
        gate: { metric: "auc", threshold: 0.75 },
      },
    ],
    manualModelPackageGroups: [],
    // production endpoint serves a version that was never approved: the maturity checks must catch it
    endpoints: { production: "churn-prod" },
    monitoring: false,
    manualApprovals: false,
    pipelineStarts: "byHand",
    scientists: ["jonas.berg", "mei.tanaka"],
    approvers: ["jonas.berg"],
  },
  {
    key: "fraud-detection",
    team: "risk",
    displayName: "Card fraud detection",
    phase: "Reliable",
    manualExperiments: [
      { name: "fraud-graph-features", runs: 35 },
      { name: "fraud-imbalance-study", runs: 30 },
      { name: "fraud-threshold-sweep", runs: 25 },
    ],
    pipelines: [
      {
        name: "fraud-detection-train",
        modelPackageGroup: "fraud-xgboost",
        executions: 80,
        failureRate: 0.1,
        gate: { metric: "auc", threshold: 0.9 },
      },
      {
        name: "fraud-graph-train",
        modelPackageGroup: "fraud-graph",
        executions: 40,
        failureRate: 0.2,
        gate: { metric: "auc", threshold: 0.88 },
      },
    ],
    manualModelPackageGroups: [],
    endpoints: { staging: "fraud-detection-staging", production: "fraud-detection-prod" },
    monitoring: true,
    metricsInReportsOnly: true,
    manualApprovals: true,
    pipelineStarts: "automated",
    scientists: ["priya.shah", "diego.alvarez"],
    approvers: ["grace.okafor"],
  },
  {
    key: "recsys-ranking",
    team: "personalization",
    displayName: "Recommendations ranking",
    phase: "Scalable",
    project: { name: "recsys-ranking", id: "p-r3cgx8f2k1ab", ...MLOPS_TEMPLATE },
    manualExperiments: [
      { name: "recsys-two-tower", runs: 30 },
      { name: "recsys-negative-sampling", runs: 25 },
    ],
    pipelines: [
      {
        name: "recsys-ranking-p-r3cgx8f2k1ab",
        modelPackageGroup: "recsys-ranking-p-r3cgx8f2k1ab",
        executions: 60,
        failureRate: 0.1,
        gate: { metric: "ndcg", threshold: 0.4 },
      },
    ],
    manualModelPackageGroups: [],
    endpoints: { staging: "recsys-ranking-staging", production: "recsys-ranking-prod" },
    monitoring: true,
    manualApprovals: true,
    pipelineStarts: "automated",
    scientists: ["yuki.sato", "amara.nwosu"],
    approvers: ["tom.keller"],
  },
  {
    key: "search-ranking",
    team: "search",
    displayName: "Search relevance",
    phase: "Scalable",
    project: { name: "search-ranking", id: "p-s7k2m9q4w6cd", ...MLOPS_TEMPLATE },
    manualExperiments: [
      { name: "search-ltr-lambdamart", runs: 30 },
      { name: "search-query-embeddings", runs: 25 },
      { name: "search-click-models", runs: 20 },
    ],
    pipelines: [
      {
        name: "search-ranking-p-s7k2m9q4w6cd",
        modelPackageGroup: "search-ranking-p-s7k2m9q4w6cd",
        executions: 50,
        failureRate: 0.12,
        gate: { metric: "ndcg", threshold: 0.45 },
      },
    ],
    manualModelPackageGroups: [],
    endpoints: { staging: "search-ranking-staging", production: "search-ranking-prod" },
    monitoring: true,
    manualApprovals: true,
    pipelineStarts: "automated",
    scientists: ["sofia.rossi", "kwame.mensah"],
    approvers: ["tom.keller", "grace.okafor"],
  },
];

/** Six months of history, ending at the seed's anchor time. */
export const HISTORY_DAYS = 183;

/** Large scale (EMULATOR_SCALE=large) adds these volumes for benchmarks. */
export const LARGE = {
  experiment: { name: "bench-10k-runs", runs: 10_000 },
  pipeline: { name: "bench-10k-executions", executions: 10_000 },
  modelPackageGroup: { name: "bench-2k-versions", versions: 2_000 },
  /** a 100-run experiment to compare against */
  smallExperiment: { name: "bench-100-runs", runs: 100 },
} as const;
