/**
 * Pure detection of changes made outside SageDeck: a version is Approved/Rejected, or sits in (or is served by)
 * Staging/Production, and no applied SageDeck decision produced that. The evidence is SageMaker's own record
 * (LastModifiedBy/Time, else CreatedBy/CreationTime, ApprovalDescription), never SageDeck's.
 */
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";

/** The part of a `decisions` row the detector needs (the DB row satisfies it). */
export interface DecisionFact {
  action: string;
  state: string;
  modelPackageArn: string;
  targetStage: string | null;
  toStatus: string;
  createdAt: Date;
  completedAt: Date | null;
  /** the account a promote/rollback deployed to (null: before accounts were recorded — matches any) */
  account?: string | null;
}

export type OutsideStage = "Staging" | "Production";

/** One change SageMaker reports that SageDeck did not make. Times are epoch ms. */
export interface OutsideChange {
  arn: string;
  group: string;
  version: number;
  kind: "approval" | "stage";
  /** Approved | Rejected for approvals; Staging | Production for stages. */
  to: string;
  /** How SageMaker shows it: the lifecycle stage field, or an endpoint of that stage serving it. */
  via?: "lifecycle" | "endpoint";
  /** Who SageMaker says (LastModifiedBy, else CreatedBy); undefined when SageMaker names nobody. */
  by?: string;
  byField?: "LastModifiedBy" | "CreatedBy";
  at?: number;
  /** ApprovalDescription (approvals) or StageDescription (stages), as SageMaker holds it. */
  description?: string;
}

export interface OutsideFlag {
  arn: string;
  group: string;
  version: number;
  changes: OutsideChange[];
}

/** What the stage endpoints of the version's group serve now (ARNs). */
export type ServedByStage = Partial<Record<OutsideStage, string | undefined>>;
/** The configured account holding each stage's endpoint. */
export type StageAccounts = Partial<Record<OutsideStage, string | undefined>>;

const STAGES: OutsideStage[] = ["Staging", "Production"];

const doneAt = (d: DecisionFact) => (d.completedAt ?? d.createdAt).getTime();

function lastApplied(rows: DecisionFact[], match: (d: DecisionFact) => boolean): DecisionFact | undefined {
  return rows
    .filter((d) => d.state === "applied" && match(d))
    .sort((a, b) => doneAt(a) - doneAt(b))
    .at(-1);
}

/** SageMaker's "who and when" for a change to `v`: the last modifier, else the registrant. */
function record(v: ModelVersionDetail): Pick<OutsideChange, "by" | "byField" | "at"> {
  if (v.lastModifiedBy) return { by: v.lastModifiedBy, byField: "LastModifiedBy", at: v.lastModifiedAt };
  if (v.registeredBy) return { by: v.registeredBy, byField: "CreatedBy", at: v.createdAt };
  return { at: v.lastModifiedAt ?? v.createdAt };
}

/** The outside changes of one version, given the decisions on it (any state; only applied ones count). */
export function outsideChangesOf(
  v: ModelVersionDetail,
  decisions: DecisionFact[],
  served: ServedByStage = {},
  servedIn: StageAccounts = {},
): OutsideChange[] {
  const mine = decisions.filter((d) => d.modelPackageArn === v.arn);
  const base = { arn: v.arn, group: v.group, version: v.version };
  const out: OutsideChange[] = [];
  if (v.approvalStatus === "Approved" || v.approvalStatus === "Rejected") {
    const last = lastApplied(mine, (d) => d.action === "approve" || d.action === "reject");
    if (!last || last.toStatus !== v.approvalStatus)
      out.push({
        ...base,
        kind: "approval",
        to: v.approvalStatus,
        ...record(v),
        description: v.approvalDescription,
      });
  }
  for (const stage of STAGES) {
    const inLifecycle = v.stage === stage;
    const onEndpoint = served[stage] === v.arn;
    if (!inLifecycle && !onEndpoint) continue;
    // served by an endpoint: only a SageDeck deployment into that endpoint's account explains it
    const account = onEndpoint ? servedIn[stage] : undefined;
    const put = lastApplied(
      mine,
      (d) =>
        (d.action === "promote" || d.action === "rollback") &&
        d.targetStage === stage &&
        (!account || !d.account || d.account === account),
    );
    if (put) continue;
    out.push({
      ...base,
      kind: "stage",
      to: stage,
      via: inLifecycle ? "lifecycle" : "endpoint",
      // an endpoint update is not a change of the version: SageMaker's package record names nobody for it
      ...(inLifecycle ? record(v) : {}),
      description: inLifecycle ? v.stageDescription : undefined,
    });
  }
  return out;
}

/** Flags for many versions (one pass over the decisions); versions without outside changes are left out. */
export function detectOutside(
  versions: ModelVersionDetail[],
  decisions: DecisionFact[],
  served: (v: ModelVersionDetail) => ServedByStage = () => ({}),
  servedIn: StageAccounts = {},
): OutsideFlag[] {
  const byArn = new Map<string, DecisionFact[]>();
  for (const d of decisions) byArn.set(d.modelPackageArn, [...(byArn.get(d.modelPackageArn) ?? []), d]);
  return versions.flatMap((v) => {
    const changes = outsideChangesOf(v, byArn.get(v.arn) ?? [], served(v), servedIn);
    return changes.length ? [{ arn: v.arn, group: v.group, version: v.version, changes }] : [];
  });
}

/** Newest change first (the needs-attention list and the audit view read this order). */
export const latestAt = (f: OutsideFlag) => Math.max(0, ...f.changes.map((c) => c.at ?? 0));
