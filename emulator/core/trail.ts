/**
 * A CloudTrail stand-in for tests (`GET /_emulator/trail`): every SageMaker write call received over HTTP, with
 * the account it acted in and the caller's identity as CloudTrail records it (`userIdentity.arn` — for assumed
 * credentials `arn:aws:sts::<acct>:assumed-role/<role>/<session>` — and `sessionContext.sourceIdentity`).
 * Reads (Describe/List/Search/Get…) are left out, as a trail's management-event filter for writes would — of every
 * service on the port: CodePipeline and Application Auto Scaling operations arrive prefixed
 * (`codepipeline:GetPipelineState`, `application-autoscaling:DescribeScalableTargets`), are judged by their
 * operation name and keep the prefix in `eventName`; `eventSource` names their service. In memory only, newest
 * last, at most MAX_EVENTS; cleared by reset.
 */
import type { Caller } from "./caller";
import type { JsonObject } from "./json";

export interface TrailEvent {
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  recipientAccountId: string;
  userIdentity: {
    type: "AssumedRole";
    arn: string;
    principalId: string;
    accountId: string;
    accessKeyId: string;
    sessionContext?: { sourceIdentity: string };
  };
  /** the request's parameters, as CloudTrail records them (the operation's input) */
  requestParameters?: JsonObject;
  /** set when the call failed (the AWS error code) */
  errorCode?: string;
}

const MAX_EVENTS = 10_000;
const READ_ONLY = /^(Describe|List|Search|Get|BatchDescribe|BatchGet|Query)/;

/** `application-autoscaling:DescribeScalableTargets` → service `application-autoscaling`, name `DescribeScalableTargets`. */
function split(operation: string): { service: string; name: string } {
  const i = operation.indexOf(":");
  return i < 0
    ? { service: "sagemaker", name: operation }
    : { service: operation.slice(0, i), name: operation.slice(i + 1) };
}

export const isReadOnly = (operation: string) => READ_ONLY.test(split(operation).name);

export class Trail {
  private events: TrailEvent[] = [];

  constructor(private readonly region: string) {}

  /** Records a write call (reads are ignored). */
  record(operation: string, caller: Caller, errorCode?: string, requestParameters?: JsonObject): void {
    if (isReadOnly(operation)) return;
    const source = caller.session?.sourceIdentity;
    this.events.push({
      eventTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      eventSource: `${split(operation).service}.amazonaws.com`,
      eventName: operation,
      awsRegion: this.region,
      recipientAccountId: caller.account,
      userIdentity: {
        type: "AssumedRole",
        arn: caller.arn,
        principalId: caller.userId,
        accountId: caller.account,
        accessKeyId: caller.accessKeyId,
        ...(source ? { sessionContext: { sourceIdentity: source } } : {}),
      },
      ...(requestParameters ? { requestParameters } : {}),
      ...(errorCode ? { errorCode } : {}),
    });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  /** Events oldest first, optionally only one account's and/or one operation's. */
  list(filter: { account?: string; eventName?: string } = {}): TrailEvent[] {
    return this.events.filter(
      (e) =>
        (!filter.account || e.recipientAccountId === filter.account) &&
        (!filter.eventName || e.eventName === filter.eventName),
    );
  }

  clear(): void {
    this.events = [];
  }
}
