/**
 * Experiments, trials and trial components: record shapes, collections, the experiment/trial → trial
 * component index that keeps `Search` and the List* filters fast, and validation helpers shared by the
 * operations in this folder.
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

// ---------- index: experiment / trial / ARN → trial component names ----------

interface TcIndex {
  known: Set<string>;
  byExperiment: Map<string, Set<string>>;
  byTrial: Map<string, Set<string>>;
  byArn: Map<string, string>;
}

const indexes = new WeakMap<State, TcIndex>();

function addTo(map: Map<string, Set<string>>, key: string, name: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(name);
}

function indexRecord(idx: TcIndex, tc: TrialComponentRecord): void {
  idx.known.add(tc.TrialComponentName);
  idx.byArn.set(tc.TrialComponentArn, tc.TrialComponentName);
  for (const p of tc.Parents ?? []) {
    addTo(idx.byExperiment, p.ExperimentName, tc.TrialComponentName);
    addTo(idx.byTrial, p.TrialName, tc.TrialComponentName);
  }
}

/**
 * The index, rebuilt when it is out of step with the collection (after a load from disk or a reset).
 * Entries may be stale (a record since deleted or disassociated): readers re-check each record.
 */
function tcIndex(state: State): TcIndex {
  const col = trialComponents(state);
  let idx = indexes.get(state);
  if (!idx || idx.known.size !== col.size) {
    idx = { known: new Set(), byExperiment: new Map(), byTrial: new Map(), byArn: new Map() };
    for (const tc of col.values()) indexRecord(idx, tc);
    indexes.set(state, idx);
  }
  return idx;
}

/** Search records built from stored trial components, dropped whenever the component is written. */
export const searchRecordCache = new WeakMap<TrialComponentRecord, JsonObject>();

/** Stores a trial component and keeps the index in step. */
export function putTrialComponent(state: State, tc: TrialComponentRecord): void {
  searchRecordCache.delete(tc);
  const idx = tcIndex(state);
  trialComponents(state).set(tc.TrialComponentName, tc);
  indexRecord(idx, tc);
}

export function deleteTrialComponentRecord(state: State, name: string): void {
  const idx = tcIndex(state);
  trialComponents(state).delete(name);
  idx.known.delete(name);
}

/** Trial components associated with an experiment (or a trial), read through the index. */
export function componentsOf(state: State, by: "ExperimentName" | "TrialName", value: string) {
  const idx = tcIndex(state);
  const names = (by === "ExperimentName" ? idx.byExperiment : idx.byTrial).get(value);
  const out: TrialComponentRecord[] = [];
  if (!names) return out;
  const col = trialComponents(state);
  for (const n of names) {
    const tc = col.get(n);
    if (tc?.Parents?.some((p) => p[by] === value)) out.push(tc);
  }
  return out;
}

/** A trial component by name or ARN. */
export function findTrialComponent(state: State, nameOrArn: string): TrialComponentRecord | undefined {
  const col = trialComponents(state);
  if (!nameOrArn.startsWith("arn:")) return col.get(nameOrArn);
  const name = tcIndex(state).byArn.get(nameOrArn);
  const tc = name === undefined ? undefined : col.get(name);
  return tc?.TrialComponentArn === nameOrArn ? tc : undefined;
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

export function mustTrialComponent(state: State, nameOrArn: string): TrialComponentRecord {
  const tc = findTrialComponent(state, nameOrArn);
  if (!tc)
    throw notFound(
      `Trial component '${nameOrArn.startsWith("arn:") ? nameOrArn : trialComponentArn(nameOrArn)}' does not exist.`,
    );
  return tc;
}
