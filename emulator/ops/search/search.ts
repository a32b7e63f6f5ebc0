/**
 * `Search` over any registered Searchable: filters, nested filters, sub-expressions, sort by any property
 * path (default LastModifiedTime, falling back to CreationTime), signed pagination and TotalHits.
 */
import { clean, type JsonObject } from "../../core/json";
import { paginate, sortRecords, type SortValue } from "../../core/paginate";
import { defineOperation, getSearchable, type Searchable } from "../../core/registry";
import type { State } from "../../core/state";
import { SORT_ORDER, Validator } from "../../core/validate";
import { checkFilterCount, compile, readExpression, type Expression } from "./expression";
import { resolve } from "./paths";

export const SEARCH_RESOURCES = [
  "TrainingJob",
  "Experiment",
  "ExperimentTrial",
  "ExperimentTrialComponent",
  "Endpoint",
  "Model",
  "ModelPackage",
  "ModelPackageGroup",
  "Pipeline",
  "PipelineExecution",
  "FeatureGroup",
  "FeatureMetadata",
  "Image",
  "ImageVersion",
  "Project",
  "HyperParameterTuningJob",
  "ModelCard",
  "PipelineVersion",
  "Job",
  "HubContent",
] as const;

/** Candidate records: through the provider's index when a top-level And has an indexable Equals filter. */
function candidates(s: Searchable, state: State, e: Expression | undefined): Iterable<JsonObject> {
  if (s.indexed && e && e.Operator === "And") {
    for (const f of e.Filters) {
      if (f.Operator !== "Equals" || f.Value === undefined) continue;
      const hit = s.indexed(state, f.Name, f.Value);
      if (hit) return hit;
    }
  }
  return s.records(state);
}

function sortKey(record: JsonObject, sortBy: string): SortValue {
  const v = resolve(record, sortBy)[0];
  if (v === undefined && sortBy === "LastModifiedTime") {
    const c = record.CreationTime;
    return typeof c === "number" ? c : undefined;
  }
  return typeof v === "boolean" ? String(v) : v;
}

defineOperation("Search", (input, ctx) => {
  const v = new Validator(input);
  const resource = v.string("Resource", { required: true, enum: SEARCH_RESOURCES });
  const expression = readExpression(v, input.SearchExpression, "SearchExpression");
  const sortBy = v.string("SortBy", { min: 1, max: 255, pattern: /^.+$/ }) ?? "LastModifiedTime";
  const sortOrder = (v.string("SortOrder", { enum: SORT_ORDER }) ?? "Descending") as
    "Ascending" | "Descending";
  const nextToken = v.string("NextToken", { max: 8192 });
  const maxResults = v.maxResults(10);
  const crossAccount = v.string("CrossAccountFilterOption", { enum: ["SameAccount", "CrossAccount"] });
  v.array("VisibilityConditions", { max: 5 });
  v.done();
  checkFilterCount(expression);
  const searchable = resource === undefined ? undefined : getSearchable(resource);
  const query = { r: resource, e: input.SearchExpression, s: sortBy, o: sortOrder, x: crossAccount };
  if (!searchable) {
    paginate([], nextToken, maxResults, query);
    return { Results: [], TotalHits: { Value: 0, Relation: "EqualTo" } };
  }
  const match = expression ? compile(expression) : () => true;
  const tieKey = `${searchable.recordKey}Arn`;
  const hits: { r: JsonObject; k: SortValue; t: string }[] = [];
  for (const r of candidates(searchable, ctx.state, expression)) {
    if (!match(r)) continue;
    const t = r[tieKey];
    hits.push({ r, k: sortKey(r, sortBy), t: typeof t === "string" ? t : "" });
  }
  sortRecords(
    hits,
    (h) => h.k,
    sortOrder,
    (h) => h.t,
  );
  const page = paginate(hits, nextToken, maxResults, query);
  return {
    Results: page.items.map((h) => ({ [searchable.recordKey]: clean(h.r) })),
    NextToken: page.nextToken,
    TotalHits: { Value: hits.length, Relation: "EqualTo" },
  };
});
