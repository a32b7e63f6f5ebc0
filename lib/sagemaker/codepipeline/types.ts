/** Domain types of deploy pipelines (CodePipeline), camelCase, epoch-ms times, no SDK shapes. */

export interface DeployPipelineAction {
  name: string;
  /** Source | Build | Deploy | Test | Approval | Invoke … */
  category: string;
  provider: string;
  runOrder: number;
}

export interface DeployPipeline {
  name: string;
  stages: { name: string; actions: DeployPipelineAction[] }[];
}

/** One action's latest run as GetPipelineState shows it (an open manual approval carries its token). */
export interface ActionStateView {
  stage: string;
  action: string;
  status?: string;
  /** the open approval's token (only while it waits) */
  token?: string;
  summary?: string;
  lastStatusChange?: number;
  lastUpdatedBy?: string;
  errorMessage?: string;
}

export interface StageStateView {
  stage: string;
  /** the newest execution that entered the stage */
  executionId?: string;
  status?: string;
  actions: ActionStateView[];
}

export interface PipelineStateView {
  pipeline: string;
  stages: StageStateView[];
}

export interface PipelineExecutionView {
  id: string;
  status: string;
  statusReason?: string;
  startedAt?: number;
  updatedAt?: number;
  trigger?: string;
}

/** One action run of an execution (ListActionExecutions). */
export interface ActionRunView {
  executionId: string;
  actionExecutionId: string;
  stage: string;
  action: string;
  category?: string;
  status: string;
  startedAt?: number;
  updatedAt?: number;
  updatedBy?: string;
  summary?: string;
  errorMessage?: string;
  /** exported output variables (a deploy action's EndpointName, EndpointAccount, ModelPackageArn) */
  outputVariables: Record<string, string>;
}

export type ApprovalAnswer = "Approved" | "Rejected";
