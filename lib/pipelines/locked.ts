/**
 * Approval-controlling parameters (APPROVAL_PARAMETERS, default `ModelApprovalStatus`): a run started from
 * SageDeck always registers its model as PendingManualApproval, so approval happens in the Approvals inbox by
 * someone other than the person who started the run. The server decides which parameters are locked (from
 * the configuration) and sends the list with the pipeline; the form only shows it. Pure: safe on the client.
 */
import type { PipelineParameter } from "./definition";

export const LOCKED_APPROVAL_VALUE = "PendingManualApproval";

export interface LockedParameter {
  name: string;
  value: string;
  /** why the value cannot be changed, for the form and the 422 message */
  reason: string;
}

export function lockedMessage(name: string): string {
  return `${name} is locked to ${LOCKED_APPROVAL_VALUE}: approval happens in the Approvals inbox, by someone other than the person who started the run.`;
}

/** The pipeline's parameters whose name is in `approvalParameters` (exact, case-sensitive like SageMaker). */
export function lockedParameters(
  parameters: PipelineParameter[],
  approvalParameters: readonly string[],
): LockedParameter[] {
  const names = new Set(approvalParameters);
  return parameters
    .filter((p) => names.has(p.name))
    .map((p) => ({ name: p.name, value: LOCKED_APPROVAL_VALUE, reason: lockedMessage(p.name) }));
}

/** The definition as the start form sees it: a locked parameter's default is its locked value. */
export function withLockedDefaults(
  parameters: PipelineParameter[],
  locked: readonly LockedParameter[],
): PipelineParameter[] {
  const byName = new Map(locked.map((l) => [l.name, l]));
  return parameters.map((p) => {
    const l = byName.get(p.name);
    return l ? { ...p, defaultValue: l.value, enumValues: [l.value] } : p;
  });
}
