import { AwsError } from "./errors";
import { Accounts } from "./accounts";
import { ACCOUNT_ID, REGION, inAccount } from "./arn";
import { CredentialsError, resolveCaller, userContextOf, type Caller } from "./caller";
import { newRequestId, type Ctx, type UserContext } from "./context";
import { Faults, Stats } from "./faults";
import { clean, type JsonObject } from "./json";
import { getOperation, getTickers } from "./registry";
import { State } from "./state";
import { Store } from "./store";
import { Trail } from "./trail";
import { wallNow } from "./clock";

export interface ClockOptions {
  now?: () => number;
  random?: () => number;
  identity?: UserContext;
  /** the account acting (default: the home account) */
  account?: string;
}

/** The emulator without HTTP: state, store, faults, stats, and a lock that makes each request atomic. */
export class Emulator {
  /** the root state: the home account's collections, and every other account's under `@<account>/` */
  readonly state = new State();
  readonly store: Store;
  readonly faults = new Faults();
  readonly stats = new Stats();
  /** the write calls received over HTTP, as CloudTrail would record them (GET /_emulator/trail) */
  readonly trail = new Trail(REGION);
  readonly accounts: Accounts;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, accounts: Accounts = Accounts.fromEnv()) {
    this.store = new Store(dataDir, this.state);
    this.accounts = accounts;
  }

  /** An account's state (the root for the home account). */
  stateOf(account: string): State {
    return account === ACCOUNT_ID ? this.state : this.state.forAccount(account);
  }

  /** Configured accounts and any account that has state on disk. */
  activeAccounts(): string[] {
    return [...new Set([...this.accounts.ids(), ...this.state.storedAccounts()])];
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
    const account = opts.account ?? ACCOUNT_ID;
    const identity = opts.identity ?? {};
    const ctx: Ctx = {
      account,
      state: this.stateOf(account),
      now,
      random,
      identity,
      requestId: newRequestId(),
      call: async (operation, input) => {
        const handler = getOperation(operation);
        if (!handler) throw new AwsError("UnknownOperationException", `Unknown operation ${operation}`);
        return clean(await inAccount(account, () => handler(input, ctx)));
      },
      withIdentity: (id) => this.ctx({ now, random, identity: id, account }),
      inAccount: (other, fn) =>
        inAccount(other, () => fn(this.ctx({ now, random, identity, account: other }))),
    };
    return ctx;
  }

  /** The caller of an HTTP request, with the credential errors in SageMaker's (JSON protocol) words. */
  callerOf(authorization: string | undefined, securityToken: string | string[] | undefined): Caller {
    try {
      return resolveCaller(this.accounts, authorization, securityToken);
    } catch (err) {
      if (!(err instanceof CredentialsError)) throw err;
      if (err.kind === "expired")
        throw new AwsError("ExpiredTokenException", "The security token included in the request is expired");
      throw new AwsError(
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
      );
    }
  }

  /** An operation as received over HTTP: faults, stats, exclusive execution in the caller's account. */
  async invoke(
    operation: string,
    input: JsonObject,
    authorization: string | undefined,
    securityToken?: string | string[],
  ): Promise<JsonObject> {
    const handler = operation.startsWith("_") ? undefined : getOperation(operation);
    if (!handler) {
      this.stats.record(operation, false);
      throw new AwsError(
        "UnknownOperationException",
        `The operation ${operation} is not supported by this service.`,
      );
    }
    let caller: Caller | undefined;
    try {
      caller = this.callerOf(authorization, securityToken);
      const who = caller;
      const after = await this.faults.apply(operation, Math.random, who.account);
      const ctx = this.ctx({ identity: userContextOf(who), account: who.account });
      const out = await this.exclusive(() =>
        inAccount(who.account, async () => clean(await handler(input, ctx))),
      );
      // the operation took effect: the trail records it as done even when its answer is an injected error
      this.trail.record(operation, who, undefined, input);
      if (after) {
        caller = undefined;
        throw after.error;
      }
      this.stats.record(operation, true);
      return out;
    } catch (err) {
      this.stats.record(operation, false);
      if (caller)
        this.trail.record(operation, caller, err instanceof AwsError ? err.code : "InternalFailure", input);
      throw err;
    }
  }

  /** Moves time-driven state forward (pipeline steps, endpoint rollouts) in every account. */
  async tick(now: () => number = wallNow): Promise<void> {
    for (const account of this.activeAccounts()) {
      for (const t of getTickers()) {
        await this.exclusive(() => inAccount(account, () => t.fn(this.ctx({ now, account }))));
      }
    }
  }
}
