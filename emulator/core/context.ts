import { randomUUID } from "node:crypto";
import type { JsonObject } from "./json";
import type { State } from "./state";

/** SageMaker's `UserContext` (CreatedBy / LastModifiedBy). */
export interface UserContext extends JsonObject {
  UserProfileArn?: string;
  UserProfileName?: string;
  DomainId?: string;
  IamIdentity?: { Arn?: string; PrincipalId?: string; SourceIdentity?: string };
}

export type Invoke = (operation: string, input: JsonObject) => Promise<JsonObject>;

/** What an operation handler gets besides its input. */
export interface Ctx {
  /** the account acting: `state` is its state, and ARNs built during the call carry it */
  account: string;
  state: State;
  /** Current time in epoch seconds — real time for requests, a virtual clock while seeding. */
  now(): number;
  /** Who is calling, as SageMaker would record it in CreatedBy/LastModifiedBy. */
  identity: UserContext;
  requestId: string;
  /**
   * Calls another operation in-process with the same clock and identity (no HTTP, no faults, no stats).
   * Internal operations (names starting with `_`) are reachable only this way.
   */
  call: Invoke;
  /** Deterministic randomness while seeding; Math.random otherwise. */
  random(): number;
  /** The same context (clock, randomness) acting as another caller, e.g. the person who started an execution. */
  withIdentity(identity: UserContext): Ctx;
  /** Runs `fn` with the same caller acting in another account's state (cross-account reads by ARN). */
  inAccount<T>(account: string, fn: (ctx: Ctx) => T): T;
}

/** A Studio user profile identity, as seeded demo resources carry. */
export function userProfile(
  name: string,
  accountId: string,
  region: string,
  domainId = "d-demo0000001",
): UserContext {
  return {
    UserProfileArn: `arn:aws:sagemaker:${region}:${accountId}:user-profile/${domainId}/${name}`,
    UserProfileName: name,
    DomainId: domainId,
  };
}

export const newRequestId = (): string => randomUUID();
