/** Evidence fixtures for the engine's tests: a solution that passes Reliable, built from parts you can override. */
import { known, type ModelPackageEvidence, type SolutionEvidence } from "./types";

export const NOW = Date.UTC(2026, 10, 22);
export const DAY = 86_400_000;
export const H = 3_600_000;
const ACCT = "123456789012";
const pkgArn = (v: number) => `arn:aws:sagemaker:us-east-1:${ACCT}:model-package/fraud/${v}`;
const execArn = (id: string) => `arn:aws:sagemaker:us-east-1:${ACCT}:pipeline/fraud-train/execution/${id}`;

export function pkg(v: number, over: Partial<ModelPackageEvidence> = {}): ModelPackageEvidence {
  return {
    ref: { kind: "modelPackage", id: pkgArn(v), label: `fraud v${v}` },
    group: "fraud",
    version: v,
    createdAt: NOW - (40 - v) * DAY,
    createdBy: { userProfileName: "priya" },
    approvalStatus: "Approved",
    approvalDescription: "metrics beat production",
    lastModifiedAt: NOW - (40 - v) * DAY + 10 * H,
    lastModifiedBy: { userProfileName: "grace" },
    hasModelMetrics: true,
    commitId: "abc123",
    generatedBy: execArn(`e${v}`),
    hasDriftBaselines: false,
    ...over,
  };
}

export function reliableSolution(over: Partial<SolutionEvidence> = {}): SolutionEvidence {
  return {
    key: "fraud",
    name: "Fraud",
    team: "risk",
    now: NOW,
    trainingJobs: known(
      [1, 2, 3, 4, 5].map((i) => ({
        name: `job-${i}`,
        arn: `arn:aws:sagemaker:us-east-1:${ACCT}:training-job/job-${i}`,
        status: "Completed" as const,
        createdAt: NOW - i * DAY,
        tracked: true,
        metricCount: 3,
        fromPipeline: true,
      })),
    ),
    taggedResources: known([
      { ref: { kind: "modelPackageGroup", id: "fraud", label: "fraud" }, tags: { team: "risk" } },
      { ref: { kind: "pipeline", id: "fraud-train", label: "fraud-train" }, tags: { team: "risk" } },
    ]),
    pipelines: known([
      {
        ref: { kind: "pipeline", id: "fraud-train", label: "fraud-train" },
        stepTypes: ["Processing", "Training", "Processing", "Condition", "RegisterModel", "Fail"],
        hasGateBeforeRegister: true,
        executions: [1, 2, 3, 4].map((i) => ({
          ref: { kind: "execution" as const, id: execArn(`e${i}`), label: `e${i}` },
          status: i === 4 ? ("Failed" as const) : ("Succeeded" as const),
          startedAt: NOW - i * DAY,
          endedAt: NOW - i * DAY + H,
          createdBy: { iamArn: "arn:aws:sts::123456789012:assumed-role/codebuild-fraud/ci" },
          gateOutcomes: [i === 4 ? ("False" as const) : ("True" as const)],
        })),
      },
    ]),
    modelPackages: known([
      pkg(1),
      pkg(2),
      pkg(3, { approvalStatus: "PendingManualApproval", createdAt: NOW - 3 * DAY }),
    ]),
    endpoints: known([
      {
        ref: { kind: "endpoint", id: "fraud-staging", label: "fraud-staging" },
        stage: "staging",
        status: "InService",
        accountId: ACCT,
        variants: [{ modelPackageArn: pkgArn(2) }],
        dataCapture: false,
        automated: true,
      },
      {
        ref: { kind: "endpoint", id: "fraud-prod", label: "fraud-prod" },
        stage: "prod",
        status: "InService",
        accountId: ACCT,
        variants: [{ modelPackageArn: pkgArn(2) }],
        dataCapture: true,
        automated: true,
      },
    ]),
    monitoring: known([
      {
        ref: { kind: "monitoringSchedule", id: "fraud-dq", label: "fraud-dq" },
        endpointName: "fraud-prod",
        status: "Scheduled",
        type: "DataQuality",
        lastRun: { status: "Completed", at: NOW - H },
        cadenceSeconds: 3600,
      },
    ]),
    projects: known([]),
    decisions: known([]),
    deployments: known([
      { packageArn: pkgArn(1), stage: "staging", at: NOW - 30 * DAY, rollback: false },
      { packageArn: pkgArn(1), stage: "prod", at: NOW - 28 * DAY, rollback: false },
      { packageArn: pkgArn(2), stage: "staging", at: NOW - 20 * DAY, rollback: false },
      { packageArn: pkgArn(2), stage: "prod", at: NOW - 18 * DAY, rollback: false },
    ]),
    ...over,
  };
}

export { pkgArn, execArn };
