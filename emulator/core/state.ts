import type { JsonValue } from "./json";

/**
 * In-memory state: named collections of records keyed by a string (usually the resource name).
 * Records are plain JSON. Every change goes through `set`/`delete` so the store can journal it:
 * never mutate a record you got from `get` without calling `set` with it afterwards.
 */
export class Collection<T> {
  private readonly map = new Map<string, T>();
  private changes = 0;

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
    this.changes += 1;
    this.onChange(this.name, key);
    return value;
  }
  delete(key: string): boolean {
    const had = this.map.delete(key);
    if (had) {
      this.changes += 1;
      this.onChange(this.name, key);
    }
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
  /** Bumped by every change to this collection (set, delete, load, clear): derived indexes check it. */
  get version(): number {
    return this.changes;
  }
  /** Used by the store when loading; does not journal. */
  load(key: string, value: T | undefined): void {
    this.changes += 1;
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
    this.changes += 1;
  }
}

/** Collections every account shares (S3 bucket names are global): never prefixed with an account. */
const SHARED_PREFIXES = ["s3."];

/** Storage name of an account's collection: the home account's are unprefixed (state written before accounts). */
export function accountCollectionName(account: string | undefined, name: string): string {
  if (!account || SHARED_PREFIXES.some((p) => name.startsWith(p))) return name;
  return `@${account}/${name}`;
}

/** The account a stored collection name belongs to (undefined for the home account and shared collections). */
export function accountOfCollection(name: string): string | undefined {
  const m = /^@(\d{12})\//.exec(name);
  return m?.[1];
}

export class State {
  private readonly collections = new Map<string, Collection<unknown>>();
  /** "collection\u0000key" of records changed since the last commit. */
  readonly dirty: Set<string>;
  private ownVersion = 0;
  private readonly children = new Map<string, State>();

  /**
   * The root state holds every account's collections (another account's under `@<account>/<name>`), so one
   * store journals and snapshots them all; `forAccount` gives that account's view, a State of its own (caches
   * keyed by State stay per account).
   */
  constructor(
    private readonly root?: State,
    readonly account?: string,
  ) {
    this.dirty = root ? root.dirty : new Set<string>();
  }

  /** Bumped on every change (also by loading and clearing): lets readers cache derived views safely. */
  get version(): number {
    return this.root ? this.root.version : this.ownVersion;
  }
  set version(v: number) {
    if (this.root) this.root.version = v;
    else this.ownVersion = v;
  }

  /** Another account's view of this state (the root itself for `undefined` or the root's own account). */
  forAccount(account: string | undefined): State {
    if (this.root) return this.root.forAccount(account);
    if (!account) return this;
    let child = this.children.get(account);
    if (!child) this.children.set(account, (child = new State(this, account)));
    return child;
  }

  /** Accounts that have stored something, besides the root's own. */
  storedAccounts(): string[] {
    const root = this.root ?? this;
    const found = new Set<string>();
    for (const name of root.names()) {
      const a = accountOfCollection(name);
      if (a) found.add(a);
    }
    return [...found];
  }

  collection<T>(name: string): Collection<T> {
    if (this.root) return this.root.collection<T>(accountCollectionName(this.account, name));
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
    if (this.root) return this.root.names();
    return [...this.collections.keys()];
  }

  clear(): void {
    if (this.root) return this.root.clear();
    for (const c of this.collections.values()) c.clear();
    this.dirty.clear();
    this.version += 1;
  }

  /** Raw access for the store (snapshot / journal replay); counts as a change. */
  raw(name: string): Collection<JsonValue> {
    if (this.root) return this.root.raw(name);
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
