import type { JsonValue } from "./json";

/**
 * In-memory state: named collections of records keyed by a string (usually the resource name).
 * Records are plain JSON. Every change goes through `set`/`delete` so the store can journal it:
 * never mutate a record you got from `get` without calling `set` with it afterwards.
 */
export class Collection<T> {
  private readonly map = new Map<string, T>();

  constructor(
    readonly name: string,
    private readonly onChange: (collection: string, key: string) => void,
  ) {}

  get(key: string): T | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  set(key: string, value: T): T {
    this.map.set(key, value);
    this.onChange(this.name, key);
    return value;
  }
  delete(key: string): boolean {
    const had = this.map.delete(key);
    if (had) this.onChange(this.name, key);
    return had;
  }
  values(): IterableIterator<T> {
    return this.map.values();
  }
  entries(): IterableIterator<[string, T]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  get size(): number {
    return this.map.size;
  }
  /** Used by the store when loading; does not journal. */
  load(key: string, value: T | undefined): void {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}

export class State {
  private readonly collections = new Map<string, Collection<unknown>>();
  /** "collection\u0000key" of records changed since the last commit. */
  readonly dirty = new Set<string>();
  /** Bumped on every change (also by loading and clearing): lets readers cache derived views safely. */
  version = 0;

  collection<T>(name: string): Collection<T> {
    let c = this.collections.get(name);
    if (!c) {
      c = new Collection<unknown>(name, (col, key) => {
        this.version += 1;
        this.dirty.add(`${col}\u0000${key}`);
      });
      this.collections.set(name, c);
    }
    return c as Collection<T>;
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  clear(): void {
    for (const c of this.collections.values()) c.clear();
    this.dirty.clear();
    this.version += 1;
  }

  /** Raw access for the store (snapshot / journal replay); counts as a change. */
  raw(name: string): Collection<JsonValue> {
    this.version += 1;
    return this.collection<JsonValue>(name);
  }
}

/**
 * Declares a typed collection once, in the module that owns the resource:
 *   export const experiments = defineCollection<ExperimentRecord>("experiments");
 *   experiments(ctx.state).get(name)
 */
export function defineCollection<T>(name: string): (state: State) => Collection<T> {
  return (state) => state.collection<T>(name);
}
