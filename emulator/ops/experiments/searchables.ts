/** `Search` providers for Experiment, ExperimentTrial and ExperimentTrialComponent. */
import type { JsonObject } from "../../core/json";
import { defineSearchable } from "../../core/registry";
import type { State } from "../../core/state";
import { getTags } from "../../core/tags";
import { componentsOf, experiments, trialComponents, trials, type TrialComponentRecord } from "./model";

/** The `TrialComponent` member of a SearchRecord: Describe fields + Tags, Parents, RunName, SourceDetail. */
export function trialComponentSearchRecord(state: State, tc: TrialComponentRecord): JsonObject {
  const rec: JsonObject = { ...tc, Tags: getTags(state, tc.TrialComponentArn), RunName: tc.DisplayName };
  if (tc.Source) rec.SourceDetail = { SourceArn: tc.Source.SourceArn };
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

defineSearchable({
  resource: "ExperimentTrial",
  recordKey: "Trial",
  *records(state) {
    for (const t of trials(state).values()) yield { ...t, Tags: getTags(state, t.TrialArn) };
  },
  indexed(state, property, value) {
    if (property === "TrialName") {
      const t = trials(state).get(value);
      return t ? [{ ...t, Tags: getTags(state, t.TrialArn) }] : [];
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
});
