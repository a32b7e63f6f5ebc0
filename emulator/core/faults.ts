import { AwsError } from "./errors";

/** A fault injected per operation (or `*` for every operation) through `/_emulator/faults`. */
export interface Fault {
  operation: string;
  /** extra latency before the operation runs */
  latencyMs?: number;
  /** with latencyMs: the latency is random, uniform in [latencyMs, latencyMaxMs] (e.g. 100–400 ms) */
  latencyMaxMs?: number;
  /** probability 0–1 that the call fails with `errorCode` (default 1 when errorCode or throttle is set) */
  errorRate?: number;
  errorCode?: string;
  /** HTTP status of the injected error (default 500 for InternalFailure/ServiceUnavailable, else 400) */
  status?: number;
  message?: string;
  /** shorthand for errorCode ThrottlingException, message "Rate exceeded" */
  throttle?: boolean;
  /**
   * several errors on one operation, e.g. 20% ThrottlingException and 25% InternalFailure: one roll of the dice
   * per call, each error taking its own share (the shares add up to at most 1); replaces errorCode/throttle
   */
  mix?: MixEntry[];
  /** apply to this many calls only, then remove itself */
  count?: number;
  /** only calls acting in this account (a 12-digit id); absent = every account */
  account?: string;
}

/**
 * One outcome of a fault's mix, taken with probability `errorRate`: its extra latency (`latencyMs`, or uniform up to
 * `latencyMaxMs`), then its error (`errorCode`; none = only slow). `after: true` runs the operation first and then
 * answers the error — the change is made but its answer is lost, as when AWS fails after committing a write.
 */
export interface MixEntry {
  errorRate: number;
  errorCode?: string;
  status?: number;
  message?: string;
  latencyMs?: number;
  latencyMaxMs?: number;
  after?: boolean;
}

/** What a fault leaves for after the operation ran: an error to answer although the operation took effect. */
export interface FaultAfter {
  error: AwsError;
}

const latencyOf = (min?: number, max?: number, random: () => number = Math.random) =>
  min ? (max && max > min ? min + random() * (max - min) : min) : 0;

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

const keyOf = (operation: string, account?: string) => (account ? `${account}/${operation}` : operation);

export class Faults {
  private readonly faults = new Map<string, Fault>();

  set(f: Fault): void {
    this.faults.set(keyOf(f.operation, f.account), { ...f });
  }
  remove(operation?: string, account?: string): void {
    if (operation) this.faults.delete(keyOf(operation, account));
    else this.faults.clear();
  }
  /** Whether a fault names exactly this operation (in this account or every account), not through `*`. */
  names(operation: string, account?: string): boolean {
    return this.faults.has(keyOf(operation, account)) || this.faults.has(operation);
  }
  list(): Fault[] {
    return [...this.faults.values()];
  }

  /**
   * Applies the fault for an operation before it runs: waits, then throws if the dice say so. Returns what is
   * left for after the operation (a mix entry with `after: true`), else undefined.
   */
  async apply(
    operation: string,
    random: () => number = Math.random,
    account?: string,
  ): Promise<FaultAfter | undefined> {
    const f =
      (account
        ? (this.faults.get(keyOf(operation, account)) ?? this.faults.get(keyOf("*", account)))
        : undefined) ??
      this.faults.get(operation) ??
      this.faults.get("*");
    if (!f) return undefined;
    if (f.count !== undefined) {
      if (f.count <= 0) return undefined;
      f.count -= 1;
      if (f.count <= 0) this.faults.delete(keyOf(f.operation, f.account));
    }
    await sleep(latencyOf(f.latencyMs, f.latencyMaxMs, random));
    const roll = random();
    if (f.mix) {
      let upTo = 0;
      for (const m of f.mix) {
        upTo += m.errorRate;
        if (roll >= upTo) continue;
        await sleep(latencyOf(m.latencyMs, m.latencyMaxMs, random));
        if (!m.errorCode) return undefined;
        const error = injected(operation, m.errorCode, m.status, m.message);
        if (m.after) return { error };
        throw error;
      }
      return undefined;
    }
    const code = f.throttle ? "ThrottlingException" : f.errorCode;
    if (!code) return undefined;
    if (roll >= (f.errorRate ?? 1)) return undefined;
    throw injected(operation, code, f.status, f.message);
  }
}

function injected(operation: string, code: string, status?: number, message?: string): AwsError {
  return new AwsError(
    code,
    message ?? (code === "ThrottlingException" ? "Rate exceeded" : `Injected ${code} for ${operation}`),
    status ?? (code === "InternalFailure" || code === "ServiceUnavailable" ? 500 : 400),
  );
}

export class Stats {
  private calls = new Map<string, number>();
  private errors = new Map<string, number>();
  private since = Date.now() / 1000;

  record(operation: string, ok: boolean): void {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
    if (!ok) this.errors.set(operation, (this.errors.get(operation) ?? 0) + 1);
  }
  reset(): void {
    this.calls.clear();
    this.errors.clear();
    this.since = Date.now() / 1000;
  }
  toJSON() {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return {
      since: this.since,
      total,
      calls: Object.fromEntries([...this.calls].sort()),
      errors: Object.fromEntries([...this.errors].sort()),
    };
  }
}
