/**
 * The maturity engine's inputs and outputs. Evidence is gathered elsewhere (the collector) and handed in as
 * plain domain data: camelCase, epoch milliseconds, no SDK shapes. Every evidence source is a `Known<T>`:
 * either its value or the reason it could not be read — and an unreadable source makes a check "unknown",
 * never "fail".
 */
export type Known<T> = { ok: true; value: T } | { ok: false; reason: string };

export const known = <T>(value: T): Known<T> => ({ ok: true, value });
export const unknown = <T>(reason: string): Known<T> => ({ ok: false, reason });

export type Phase = "Initial" | "Repeatable" | "Reliable" | "Scalable";
export const PHASES: readonly Phase[] = ["Initial", "Repeatable", "Reliable", "Scalable"];

/** A resource the UI can link to; the engine never builds URLs. */
export interface ResourceRef {
  kind:
    | "trainingJob"
    | "processingJob"
    | "experiment"
    | "pipeline"
    | "execution"
    | "modelPackageGroup"
    | "modelPackage"
    | "endpoint"
    | "monitoringSchedule"
    | "project"
    | "deployPipeline";
  /** name or ARN, whichever identifies it for its page */
  id: string;
  label: string;
}

export interface Identity {
  userProfileName?: string;
  iamArn?: string;
}

export interface TrainingJobEvidence {
  name: string;
  arn: string;
  status: "InProgress" | "Completed" | "Failed" | "Stopping" | "Stopped";
  createdAt: number;
  /** ExperimentConfig present (or an MLflow run) */
  tracked: boolean;
  metricCount: number;
  /** ran as a step of a pipeline execution */
  fromPipeline: boolean;
}

export interface TaggedResource {
  ref: ResourceRef;
  tags: Record<string, string>;
}

export interface PipelineEvidence {
  ref: ResourceRef;
  /** step types in the definition, nested If/Else branches included */
  stepTypes: string[];
  /** a Condition step whose IfSteps contain RegisterModel */
  hasGateBeforeRegister: boolean;
  executions: ExecutionEvidence[];
}

export interface ExecutionEvidence {
  ref: ResourceRef;
  status: "Executing" | "Stopping" | "Stopped" | "Failed" | "Succeeded";
  startedAt: number;
  endedAt?: number;
  /** SageMaker's CreatedBy (who started it); empty when it was not read — R-7 counts only read ones */
  createdBy: Identity;
  /** training job ARNs from the execution's step metadata (when listed) */
  trainingJobArns?: string[];
  /** Condition step outcomes in this execution */
  gateOutcomes?: ("True" | "False")[];
  /** model package ARNs registered by this execution */
  registeredPackageArns?: string[];
}

export type ApprovalStatus = "Approved" | "Rejected" | "PendingManualApproval";

export interface ModelPackageEvidence {
  ref: ResourceRef;
  group: string;
  version: number;
  createdAt: number;
  createdBy: Identity;
  approvalStatus: ApprovalStatus;
  approvalDescription?: string;
  lastModifiedAt?: number;
  lastModifiedBy?: Identity;
  hasModelMetrics: boolean;
  commitId?: string;
  projectId?: string;
  /** MetadataProperties.GeneratedBy, e.g. the pipeline execution ARN */
  generatedBy?: string;
  hasDriftBaselines: boolean;
  stage?: string;
  modelCardStatus?: string;
}

export type Stage = "staging" | "prod" | "dev";

export interface EndpointEvidence {
  ref: ResourceRef;
  stage?: Stage;
  status: string;
  accountId: string;
  /** the configured account's name (absent in fixtures: single account) */
  account?: string;
  /** what each production variant serves */
  variants: { modelName?: string; modelPackageArn?: string; modelDataUrl?: string }[];
  dataCapture: boolean;
  /** from LastDeploymentConfig: CANARY | LINEAR | ALL_AT_ONCE | ROLLING, and whether rollback alarms exist */
  rollout?: { type: string; rollbackAlarms: boolean };
  /** created by a stack, a project or a CI role (tags: aws:cloudformation:stack-name, sagemaker:project-id) */
  automated: boolean;
  /**
   * Application Auto Scaling of its first variant (production endpoints): null = no scalable target; `policy`
   * names the scaling policy ("target tracking 70 invocations/instance"), undefined when there is none. Unknown
   * when its account could not be read; absent when not collected.
   */
  autoscaling?: Known<{ min: number; max: number; policy?: string } | null>;
}

/** A deploy pipeline (CodePipeline) linked to model groups by their tags, and its recent executions. */
export interface DeployPipelineEvidence {
  ref: ResourceRef;
  /** the solution's model groups it deploys */
  groups: string[];
  /** newest first (ListPipelineExecutions: one page) */
  executions: { id: string; status: string; startedAt: number; endedAt?: number }[];
}

export interface MonitoringEvidence {
  ref: ResourceRef;
  endpointName?: string;
  /** the configured account the schedule lives in: it watches that account's endpoint of that name */
  account?: string;
  status: "Pending" | "Failed" | "Scheduled" | "Stopped";
  type?: string;
  lastRun?: { status: string; at: number };
  /** cadence in seconds (e.g. 3600 for hourly) */
  cadenceSeconds?: number;
}

export interface ProjectEvidence {
  ref: ResourceRef;
  status: string;
  productId?: string;
  createdAt: number;
  team?: string;
}

/** A decision from SageDeck's own record (approve/reject/promote/rollback). */
export interface DecisionEvidence {
  packageArn: string;
  action: "approve" | "reject" | "promote" | "rollback";
  actor: string;
  at: number;
  reason?: string;
  /** target stage of a promotion or rollback */
  stage?: Stage;
  /** test evidence attached to a promotion (a link or a run id) */
  testEvidence?: string;
}

/** A package becoming live on an environment (from promotions, or endpoint snapshots when approx). */
export interface DeploymentEvent {
  packageArn: string;
  stage: Stage;
  at: number;
  /** returned to an earlier version */
  rollback: boolean;
  /** the endpoint update failed */
  failed?: boolean;
  /** timestamp from a fallback source (snapshot interval, LastModifiedTime) */
  approx?: boolean;
}

export interface SolutionEvidence {
  key: string;
  name: string;
  team?: string;
  /** epoch ms the evidence was gathered at */
  now: number;
  trainingJobs: Known<TrainingJobEvidence[]>;
  /** resources whose ownership tags are checked (groups, pipelines, endpoints) */
  taggedResources: Known<TaggedResource[]>;
  pipelines: Known<PipelineEvidence[]>;
  modelPackages: Known<ModelPackageEvidence[]>;
  endpoints: Known<EndpointEvidence[]>;
  monitoring: Known<MonitoringEvidence[]>;
  projects: Known<ProjectEvidence[]>;
  decisions: Known<DecisionEvidence[]>;
  deployments: Known<DeploymentEvent[]>;
  /** deploy pipelines of the solution's model groups (L-5, deployment frequency); absent when not collected */
  deployPipelines?: Known<DeployPipelineEvidence[]>;
  /** account id → configured account name, to name accounts in evidence (absent: ids only) */
  accountNames?: Record<string, string>;
  /** set by the engine for the Scalable checks */
  org?: OrgContext;
}

/** Organisation-wide facts the Scalable checks compare against (filled in by assessOrganisation). */
export interface OrgContext {
  /** every project in the account, with the team that owns it */
  projects: Known<ProjectEvidence[]>;
  /** teams with a production endpoint that passes L-2, and whether that team's solution reached Reliable */
  teamsInProduction: { team: string; reliable: boolean }[];
}

export interface MaturityConfig {
  /** look-back window for most checks */
  windowDays: number;
  /** IAM role ARN fragments that count as automation (CI/CD, schedulers) */
  automationPrincipals: string[];
  /** tag keys every resource should carry (I-3) */
  requiredTags: string[];
  /** S-3: teams needed in production */
  minTeamsInProduction: number;
  /** S-2: max templates that should cover most projects */
  maxTemplates: number;
}

export const DEFAULT_CONFIG: MaturityConfig = {
  windowDays: 90,
  automationPrincipals: ["codebuild", "codepipeline", "scheduler", "eventbridge", "github-actions", "ci-"],
  requiredTags: ["team"],
  minTeamsInProduction: 2,
  maxTemplates: 3,
};

export type CheckStatus = "pass" | "partial" | "fail" | "na" | "unknown";

export interface EvidenceItem {
  label: string;
  ref?: ResourceRef;
  value?: string;
  at?: number;
}

export interface Exemption {
  checkId: string;
  reason: string;
  grantedBy: string;
  expiresAt: number;
}

export interface CheckResult {
  id: string;
  phase: Phase;
  title: string;
  /** required checks gate the phase; advisory ones are scored and recommended but do not gate */
  required: boolean;
  status: CheckStatus;
  /** what was observed, in words, e.g. "14 of 15 jobs tracked (93%)" */
  observed: string;
  /** what passes, e.g. "≥80% of jobs tracked" */
  threshold: string;
  evidence: EvidenceItem[];
  action: string;
  /** set when an unexpired exemption turns a non-pass into a pass */
  exemption?: Exemption;
}
