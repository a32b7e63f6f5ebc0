/** `Search` providers for Experiment, ExperimentTrial and ExperimentTrialComponent. */
import type { JsonObject } from "../../core/json";
import { defineSearchable } from "../../core/registry";
import type { State } from "../../core/state";
import { getTags } from "../../core/tags";
import { pick } from "./list";
import { experiments, trialComponents, trials, type TrialComponentRecord, type TrialRecord } from "./model";
import { componentsOf, componentsVersion, searchRecordCache } from "./tc-index";

/**
 * The `TrialComponent` member of a SearchRecord: Describe fields + Tags, Parents, RunName, SourceDetail.
 * Built once per stored version of a component and cached (Search filters and sorts thousands of these
 * per request); the cache entry is dropped on every write and rebuilt when the component's tags change.
 */
export function trialComponentSearchRecord(state: State, tc: TrialComponentRecord): JsonObject {
  const tags = getTags(state, tc.TrialComponentArn);
  const cached = searchRecordCache.get(tc);
  if (cached && cached.Tags === tags) return cached;
  // every member listed, absent ones as undefined (dropped on the wire): one object shape for all
  // components keeps property reads monomorphic while Search scans thousands of them
  const rec: JsonObject = {
    TrialComponentName: tc.TrialComponentName,
    TrialComponentArn: tc.TrialComponentArn,
    DisplayName: tc.DisplayName,
    Source: tc.Source,
    Status: tc.Status,
    StartTime: tc.StartTime,
    EndTime: tc.EndTime,
    CreationTime: tc.CreationTime,
    CreatedBy: tc.CreatedBy,
    LastModifiedTime: tc.LastModifiedTime,
    LastModifiedBy: tc.LastModifiedBy,
    Parameters: tc.Parameters,
    InputArtifacts: tc.InputArtifacts,
    OutputArtifacts: tc.OutputArtifacts,
    MetadataProperties: tc.MetadataProperties,
    Metrics: tc.Metrics,
    Tags: tags,
    Parents: tc.Parents,
    RunName: tc.DisplayName,
    SourceDetail: tc.Source ? { SourceArn: tc.Source.SourceArn } : undefined,
  };
  searchRecordCache.set(tc, rec);
  return rec;
}

defineSearchable({
  resource: "Experiment",
  recordKey: "Experiment",
  *records(state) {
    for (const e of experiments(state).values()) yield { ...e, Tags: getTags(state, e.ExperimentArn) };
  },
  indexed(state, property, value) {
    if (property !== "ExperimentName") return undefined;
    const e = experiments(state).get(value);
    return e ? [{ ...e, Tags: getTags(state, e.ExperimentArn) }] : [];
  },
});

/**
 * The `Trial` member of a SearchRecord: Describe fields + Tags and `TrialComponentSummaries`, the latter
 * computed only when read (for the page returned, or a filter that names it).
 */
function trialSearchRecord(state: State, t: TrialRecord): JsonObject {
  const rec: JsonObject = { ...t, Tags: getTags(state, t.TrialArn) };
  Object.defineProperty(rec, "TrialComponentSummaries", {
    enumerable: true,
    configurable: true,
    get: () =>
      componentsOf(state, "TrialName", t.TrialName).map((tc) =>
        pick(tc, ["TrialComponentName", "TrialComponentArn", "Source", "CreationTime", "CreatedBy"], {
          Source: "TrialComponentSource",
        }),
      ),
  });
  return rec;
}

defineSearchable({
  resource: "ExperimentTrial",
  recordKey: "Trial",
  *records(state) {
    for (const t of trials(state).values()) yield trialSearchRecord(state, t);
  },
  indexed(state, property, value) {
    if (property === "TrialName") {
      const t = trials(state).get(value);
      return t ? [trialSearchRecord(state, t)] : [];
    }
    return undefined;
  },
});

defineSearchable({
  resource: "ExperimentTrialComponent",
  recordKey: "TrialComponent",
  *records(state) {
    for (const tc of trialComponents(state).values()) yield trialComponentSearchRecord(state, tc);
  },
  indexed(state, property, value) {
    if (property === "Parents.ExperimentName" || property === "Parents.TrialName") {
      const by = property === "Parents.ExperimentName" ? "ExperimentName" : "TrialName";
      return componentsOf(state, by, value).map((tc) => trialComponentSearchRecord(state, tc));
    }
    if (property === "TrialComponentName") {
      const tc = trialComponents(state).get(value);
      return tc ? [trialComponentSearchRecord(state, tc)] : [];
    }
    return undefined;
  },
  indexVersion(state, property, value) {
    if (property === "Parents.ExperimentName") return componentsVersion(state, "ExperimentName", value);
    if (property === "Parents.TrialName") return componentsVersion(state, "TrialName", value);
    return undefined;
  },
});
