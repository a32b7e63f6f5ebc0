import { AwsError } from "./errors";
import { ACCOUNT_ID } from "./arn";
import { identityFromAuthorization, newRequestId, type Ctx, type UserContext } from "./context";
import { Faults, Stats } from "./faults";
import { clean, type JsonObject } from "./json";
import { getOperation, getTickers } from "./registry";
import { State } from "./state";
import { Store } from "./store";
import { wallNow } from "./clock";

export interface ClockOptions {
  now?: () => number;
  random?: () => number;
  identity?: UserContext;
}

/** The emulator without HTTP: state, store, faults, stats, and a lock that makes each request atomic. */
export class Emulator {
  readonly state = new State();
  readonly store: Store;
  readonly faults = new Faults();
  readonly stats = new Stats();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.store = new Store(dataDir, this.state);
  }

  /** Runs `fn` alone (no other request or tick interleaves), then journals its changes. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(async () => {
      try {
        return await fn();
      } finally {
        this.store.commit();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  ctx(opts: ClockOptions = {}): Ctx {
    const now = opts.now ?? wallNow;
    const random = opts.random ?? Math.random;
    const ctx: Ctx = {
      state: this.state,
      now,
      random,
      identity: opts.identity ?? {},
      requestId: newRequestId(),
      call: async (operation, input) => {
        const handler = getOperation(operation);
        if (!handler) throw new AwsError("UnknownOperationException", `Unknown operation ${operation}`);
        return clean(await handler(input, ctx));
      },
      withIdentity: (identity) => this.ctx({ now, random, identity }),
    };
    return ctx;
  }

  /** An operation as received over HTTP: faults, stats, exclusive execution. */
  async invoke(operation: string, input: JsonObject, authorization: string | undefined): Promise<JsonObject> {
    const handler = operation.startsWith("_") ? undefined : getOperation(operation);
    if (!handler) {
      this.stats.record(operation, false);
      throw new AwsError(
        "UnknownOperationException",
        `The operation ${operation} is not supported by this service.`,
      );
    }
    try {
      await this.faults.apply(operation);
      const ctx = this.ctx({ identity: identityFromAuthorization(authorization, ACCOUNT_ID) });
      const out = await this.exclusive(async () => clean(await handler(input, ctx)));
      this.stats.record(operation, true);
      return out;
    } catch (err) {
      this.stats.record(operation, false);
      throw err;
    }
  }

  /** Moves time-driven state forward (pipeline steps, endpoint rollouts). */
  async tick(now: () => number = wallNow): Promise<void> {
    for (const t of getTickers()) {
      await this.exclusive(() => t.fn(this.ctx({ now })));
    }
  }
}
