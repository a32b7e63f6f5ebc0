/** Domain types for experiments and runs (no SDK shapes). Times are epoch ms. */
export interface SearchFilterInput {
  Name: string;
  Operator: string;
  Value: string;
}

export interface ExperimentRow {
  name: string;
  displayName: string;
  description?: string;
  source: "pipeline" | "manual";
  runs: number;
  createdAt?: number;
  lastActivityAt?: number;
}

export interface ExperimentPage {
  items: ExperimentRow[];
  total: number;
  nextToken?: string;
}

export interface MetricSummary {
  name: string;
  last?: number;
  min?: number;
  max?: number;
  avg?: number;
  count?: number;
}

export interface Artifact {
  name: string;
  value: string;
  mediaType?: string;
}

export interface RunRow {
  name: string;
  displayName: string;
  status: string;
  statusMessage?: string;
  startedAt?: number;
  endedAt?: number;
  sourceArn?: string;
  sourceType?: string;
  /** the pipeline execution that made the run (its trial); its steps share a display name such as "Train" */
  executionId?: string;
  params: Record<string, string | number>;
  metrics: Record<string, MetricSummary>;
}

export interface RunDetail extends RunRow {
  experimentName?: string;
  trialName?: string;
  createdBy?: string;
  inputs: Artifact[];
  outputs: Artifact[];
  tags: Record<string, string>;
  /** the pipeline execution (its ID is the trial name SageMaker Pipelines gives the run) */
  pipelineExecutionId?: string;
}

export interface RunPage {
  items: RunRow[];
  total: number;
  nextToken?: string;
  /** parameter and metric names seen on this page, for the column picker */
  paramNames: string[];
  metricNames: string[];
}
