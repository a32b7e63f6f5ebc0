import type { Ctx } from "./context";
import type { JsonObject } from "./json";
import type { State } from "./state";

export type Handler = (input: JsonObject, ctx: Ctx) => JsonObject | Promise<JsonObject>;

const operations = new Map<string, Handler>();

/**
 * Registers a SageMaker operation (`CreateExperiment`) or an internal one (`_PutTrialComponentMetrics`,
 * reachable only through `ctx.call`). Each resource module registers its operations at import time.
 */
export function defineOperation(name: string, handler: Handler): void {
  if (operations.has(name)) throw new Error(`Operation ${name} is defined twice`);
  operations.set(name, handler);
}

/**
 * Wraps an operation another area registered, to react to it as an EventBridge rule reacts to the service's
 * events (emulator/codepipeline/trigger.ts: a model version approved starts its deploy pipeline).
 */
export function decorateOperation(name: string, wrap: (next: Handler) => Handler): void {
  const handler = operations.get(name);
  if (!handler) throw new Error(`Operation ${name} is not defined (import its area first)`);
  operations.set(name, wrap(handler));
}

export function getOperation(name: string): Handler | undefined {
  return operations.get(name);
}

export function operationNames(): string[] {
  return [...operations.keys()].sort();
}

/**
 * A resource that `Search` can return. `records` yields each record as its `SearchRecord` member
 * (e.g. the full TrialComponent with `Tags` and `Parents`), ready to filter on property paths.
 */
export interface Searchable {
  /** `Resource` enum value, e.g. `ExperimentTrialComponent`, `ModelPackage`. */
  resource: string;
  /** Member of `SearchRecord` that wraps each result, e.g. `TrialComponent`, `ModelPackage`. */
  recordKey: string;
  records(state: State): Iterable<JsonObject>;
  /** Fast path: candidate records for an Equals filter on a property (e.g. Parents.ExperimentName). */
  indexed?(state: State, property: string, value: string): Iterable<JsonObject> | undefined;
  /**
   * Optional, beside `indexed`: a version of what `indexed` returns for this property and value, changing
   * whenever one of those records (or the set) changes. With it, `Search` keeps their sorted order between
   * queries, so a new filter over one experiment's runs costs a pass over them, not a sort. Returns
   * undefined exactly when `indexed` would (the property is not indexed).
   */
  indexVersion?(state: State, property: string, value: string): string | undefined;
}

const searchables = new Map<string, Searchable>();

export function defineSearchable(s: Searchable): void {
  searchables.set(s.resource, s);
}

export function getSearchable(resource: string): Searchable | undefined {
  return searchables.get(resource);
}

/** Called on a timer with the current time; moves time-driven state (executions, endpoints) forward. */
export type Ticker = (ctx: Ctx) => void | Promise<void>;
const tickers: { name: string; fn: Ticker }[] = [];

export function defineTicker(name: string, fn: Ticker): void {
  tickers.push({ name, fn });
}

export function getTickers(): readonly { name: string; fn: Ticker }[] {
  return tickers;
}
