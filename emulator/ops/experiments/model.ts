/**
 * Experiments, trials and trial components: record shapes, collections and validation helpers shared by the
 * operations in this folder (the experiment/trial → trial component index is in tc-index.ts).
 */
import { arn } from "../../core/arn";
import type { Ctx, UserContext } from "../../core/context";
import { notFound } from "../../core/errors";
import type { JsonObject } from "../../core/json";
import { defineCollection, type State } from "../../core/state";
import { NAME_PATTERN } from "../../core/validate";

export interface Source extends JsonObject {
  SourceArn: string;
  SourceType?: string;
}

export interface ExperimentRecord extends JsonObject {
  ExperimentName: string;
  ExperimentArn: string;
  DisplayName: string;
  Source?: Source;
  Description?: string;
  CreationTime: number;
  CreatedBy?: UserContext;
  LastModifiedTime: number;
  LastModifiedBy?: UserContext;
}

export interface TrialRecord extends JsonObject {
  TrialName: string;
  TrialArn: string;
  DisplayName: string;
  ExperimentName: string;
  Source?: Source;
  MetadataProperties?: JsonObject;
  CreationTime: number;
  CreatedBy?: UserContext;
  LastModifiedTime: number;
  LastModifiedBy?: UserContext;
}

export interface ParameterValue extends JsonObject {
  StringValue?: string;
  NumberValue?: number;
}

export interface Artifact extends JsonObject {
  MediaType?: string;
  Value: string;
}

export interface MetricSummary extends JsonObject {
  MetricName: string;
  SourceArn?: string;
  TimeStamp: number;
  Max: number;
  Min: number;
  Last: number;
  Count: number;
  Avg: number;
  StdDev: number;
}

export interface Parent extends JsonObject {
  TrialName: string;
  ExperimentName: string;
}

export interface TrialComponentRecord extends JsonObject {
  TrialComponentName: string;
  TrialComponentArn: string;
  DisplayName: string;
  Source?: Source;
  Status?: { PrimaryStatus?: string; Message?: string };
  StartTime?: number;
  EndTime?: number;
  CreationTime: number;
  CreatedBy?: UserContext;
  LastModifiedTime: number;
  LastModifiedBy?: UserContext;
  Parameters?: Record<string, ParameterValue>;
  InputArtifacts?: Record<string, Artifact>;
  OutputArtifacts?: Record<string, Artifact>;
  MetadataProperties?: JsonObject;
  Metrics?: MetricSummary[];
  /** trials (and their experiments) this component is associated with — returned by Search, not Describe */
  Parents?: Parent[];
}

export const experiments = defineCollection<ExperimentRecord>("experiments.experiments");
export const trials = defineCollection<TrialRecord>("experiments.trials");
export const trialComponents = defineCollection<TrialComponentRecord>("experiments.trialComponents");

export const experimentArn = (name: string) => arn("experiment", name);
export const trialArn = (name: string) => arn("experiment-trial", name);
export const trialComponentArn = (name: string) => arn("experiment-trial-component", name);

export const ENTITY_NAME = { min: 1, max: 120, pattern: NAME_PATTERN.entity };
export const TC_NAME_OR_ARN = {
  min: 1,
  max: 256,
  pattern:
    /^((arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:experiment-trial-component\/)?[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119})$/,
  patternText:
    "((arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:experiment-trial-component/)?[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119})",
};
export const PRIMARY_STATUS = ["InProgress", "Completed", "Failed", "Stopping", "Stopped"] as const;
export const LIST_SORT_BY = ["Name", "CreationTime"] as const;

/** `CreatedBy`/`LastModifiedBy` as recorded: omitted when the caller is unknown. */
export function who(ctx: Ctx): UserContext | undefined {
  return Object.keys(ctx.identity).length > 0 ? ctx.identity : undefined;
}

// ---------- lookups with SageMaker's not-found errors ----------

export function mustExperiment(state: State, name: string): ExperimentRecord {
  const e = experiments(state).get(name);
  if (!e) throw notFound(`Experiment '${experimentArn(name)}' does not exist.`);
  return e;
}

export function mustTrial(state: State, name: string): TrialRecord {
  const t = trials(state).get(name);
  if (!t) throw notFound(`Trial '${trialArn(name)}' does not exist.`);
  return t;
}
