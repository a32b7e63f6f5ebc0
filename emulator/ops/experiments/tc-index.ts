/**
 * The experiment / trial / ARN → trial component index that keeps `Search` and the List* filters fast, with a
 * generation per experiment and per trial: bumped by every write to one of its components (create, update,
 * metrics, associate, disassociate, delete — the experiments it left included), so derived views such as
 * `Search`'s sorted hits per experiment stay valid exactly as long as nothing in that experiment changed.
 */
import { notFound } from "../../core/errors";
import type { JsonObject } from "../../core/json";
import type { State } from "../../core/state";
import { tagStore } from "../../core/tags";
import { trialComponentArn, trialComponents, type TrialComponentRecord } from "./model";

type By = "ExperimentName" | "TrialName";

interface TcIndex {
  /** which rebuild of the index this is (part of every version it hands out) */
  epoch: number;
  /** the collection's version the index is in step with; a change it did not make itself (a load, a reset) rebuilds it */
  colVersion: number;
  byExperiment: Map<string, Set<string>>;
  byTrial: Map<string, Set<string>>;
  byArn: Map<string, string>;
  /** the parents each component was indexed under, to know which experiments and trials a write touches */
  parentsOf: Map<string, { ExperimentName: string; TrialName: string }[]>;
  generation: Map<string, number>;
}

const indexes = new WeakMap<State, TcIndex>();
let epochs = 0;

function addTo(map: Map<string, Set<string>>, key: string, name: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(name);
}

function bump(idx: TcIndex, by: By, value: string): void {
  const key = `${by}\u0000${value}`;
  idx.generation.set(key, (idx.generation.get(key) ?? 0) + 1);
}

/** Indexes a component under its current parents and bumps every experiment and trial it was or is in. */
function indexRecord(idx: TcIndex, tc: TrialComponentRecord): void {
  const name = tc.TrialComponentName;
  for (const p of idx.parentsOf.get(name) ?? []) {
    bump(idx, "ExperimentName", p.ExperimentName);
    bump(idx, "TrialName", p.TrialName);
  }
  idx.byArn.set(tc.TrialComponentArn, name);
  const parents = (tc.Parents ?? []).map((p) => ({
    ExperimentName: p.ExperimentName,
    TrialName: p.TrialName,
  }));
  idx.parentsOf.set(name, parents);
  for (const p of parents) {
    addTo(idx.byExperiment, p.ExperimentName, name);
    addTo(idx.byTrial, p.TrialName, name);
    bump(idx, "ExperimentName", p.ExperimentName);
    bump(idx, "TrialName", p.TrialName);
  }
}

/**
 * The index, rebuilt when the collection changed other than through this module (a load from disk, a reset).
 * Name sets may hold stale entries (a component since deleted or disassociated): readers re-check each record.
 */
function tcIndex(state: State): TcIndex {
  const col = trialComponents(state);
  let idx = indexes.get(state);
  if (!idx || idx.colVersion !== col.version) {
    idx = {
      epoch: ++epochs,
      colVersion: col.version,
      byExperiment: new Map(),
      byTrial: new Map(),
      byArn: new Map(),
      parentsOf: new Map(),
      generation: new Map(),
    };
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
  const col = trialComponents(state);
  col.set(tc.TrialComponentName, tc);
  idx.colVersion = col.version;
  indexRecord(idx, tc);
}

export function deleteTrialComponentRecord(state: State, name: string): void {
  const idx = tcIndex(state);
  const col = trialComponents(state);
  col.delete(name);
  idx.colVersion = col.version;
  for (const p of idx.parentsOf.get(name) ?? []) {
    bump(idx, "ExperimentName", p.ExperimentName);
    bump(idx, "TrialName", p.TrialName);
  }
  idx.parentsOf.delete(name);
}

/**
 * A version of an experiment's (or a trial's) components as `Search` sees them: it changes whenever one of
 * them is written, joins or leaves, and whenever any tags change (search records carry their tags).
 */
export function componentsVersion(state: State, by: By, value: string): string {
  const idx = tcIndex(state);
  const gen = idx.generation.get(`${by}\u0000${value}`) ?? 0;
  return `${idx.epoch}.${gen}.${tagStore(state).version}`;
}

/** Trial components associated with an experiment (or a trial), read through the index. */
export function componentsOf(state: State, by: By, value: string): TrialComponentRecord[] {
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

export function mustTrialComponent(state: State, nameOrArn: string): TrialComponentRecord {
  const tc = findTrialComponent(state, nameOrArn);
  if (!tc)
    throw notFound(
      `Trial component '${nameOrArn.startsWith("arn:") ? nameOrArn : trialComponentArn(nameOrArn)}' does not exist.`,
    );
  return tc;
}
