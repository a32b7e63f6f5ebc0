/**
 * `Search` over any registered Searchable: filters, nested filters, sub-expressions, sort by any property
 * path (default LastModifiedTime, falling back to CreationTime), signed pagination and TotalHits.
 */
import type { JsonObject } from "../../core/json";
import { stableStringify } from "../../core/json";
import { paginate } from "../../core/paginate";
import { defineOperation, getSearchable, type Searchable } from "../../core/registry";
import type { State } from "../../core/state";
import { SORT_ORDER, Validator } from "../../core/validate";
import { checkFilterCount, compile, countFilters, readExpression, type Expression } from "./expression";
import { sortedView, sortRecords, type Hit } from "./sorted";

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

interface Candidates {
  records: () => Iterable<JsonObject>;
  expression: Expression | undefined;
  /** the index hit's key and version, when the provider versions it (its sorted view can then be kept) */
  view?: { key: string; version: string };
}

/**
 * Candidate records: through the provider's index when a top-level And has an indexable Equals filter.
 * That filter is then already satisfied, so the caller drops it from the predicate.
 */
function candidates(s: Searchable, state: State, e: Expression | undefined): Candidates {
  if (s.indexed && e && e.Operator === "And") {
    for (const f of e.Filters) {
      if (f.Operator !== "Equals" || f.Value === undefined) continue;
      const value = f.Value;
      const expression = { ...e, Filters: e.Filters.filter((x) => x !== f) };
      const version = s.indexVersion?.(state, f.Name, value);
      if (version !== undefined) {
        const key = `${s.resource}\u0000${f.Name}\u0000${value}`;
        return { records: () => s.indexed?.(state, f.Name, value) ?? [], expression, view: { key, version } };
      }
      const hit = s.indexed(state, f.Name, value);
      if (hit) return { records: () => hit, expression };
    }
  }
  return { records: () => s.records(state), expression: e };
}

/** A plain copy of a record, including members it inherits (providers may yield light wrappers); the server deep-copies the response. */
function materialize(r: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k in r) out[k] = r[k];
  return out;
}

/**
 * Sorted hits of recent queries, valid while the state has not changed (`State.version`): paging through a
 * result, or asking the same question again, costs a slice instead of a scan — as an index would on AWS.
 * The first query after any write scans.
 */
const MAX_CACHED_QUERIES = 32;
const hitCache = new Map<string, { state: State; version: number; hits: Hit[] }>();

function cachedHits(state: State, key: string, compute: () => Hit[]): Hit[] {
  const cached = hitCache.get(key);
  if (cached && cached.state === state && cached.version === state.version) return cached.hits;
  const hits = compute();
  hitCache.delete(key);
  hitCache.set(key, { state, version: state.version, hits });
  if (hitCache.size > MAX_CACHED_QUERIES) {
    const oldest = hitCache.keys().next().value;
    if (oldest !== undefined) hitCache.delete(oldest);
  }
  return hits;
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
  const sorted = cachedHits(ctx.state, stableStringify(query), () => {
    const found = candidates(searchable, ctx.state, expression);
    const spec = { sortBy, order: sortOrder, tieKey: `${searchable.recordKey}Arn` };
    if (!found.view)
      return sortRecords(found.records(), found.expression ? compile(found.expression) : () => true, spec);
    const view = sortedView(ctx.state, found.view.key, found.view.version, found.records, spec);
    if (!found.expression || countFilters(found.expression) === 0) return view.hits;
    const rest = found.expression;
    return view.select((get) => compile(rest, get));
  });
  const page = paginate(sorted, nextToken, maxResults, query);
  return {
    Results: page.items.map((h) => ({ [searchable.recordKey]: materialize(h.r) })),
    NextToken: page.nextToken,
    TotalHits: { Value: sorted.length, Relation: "EqualTo" },
  };
});
