/** Domain types of endpoints as the approvals flow sees them. Times are epoch ms. */
export type DeploymentStage = "Staging" | "Production";

export interface StageEndpoint {
  /** the configured account (lib/config accounts) the endpoint lives in */
  account: string;
  name: string;
  arn: string;
  stage: DeploymentStage;
  /** Creating | Updating | InService | Failed | … (SageMaker's EndpointStatus). */
  status: string;
  configName?: string;
  /**
   * The config being rolled out while the endpoint is Creating/Updating (DescribeEndpoint's
   * PendingDeploymentSummary.EndpointConfigName): during an update `configName` is still the old one.
   */
  pendingConfigName?: string;
  /** The model version the endpoint serves now (resolved through config → model). */
  servedArn?: string;
  failureReason?: string;
  lastModifiedAt?: number;
  /** Tags that tie the endpoint to a solution (e.g. `team`). */
  tags: Record<string, string>;
  /** its production variants as DescribeEndpoint shows them (autoscaling moves the desired count) */
  variants?: EndpointVariant[];
}

export interface EndpointVariant {
  name: string;
  currentInstanceCount?: number;
  desiredInstanceCount?: number;
}

export const STAGE_TAG = "sagemaker:deployment-stage";
export const STAGE_TAG_VALUES: Record<DeploymentStage, string> = { Staging: "staging", Production: "prod" };

export function stageOfTag(v: string | undefined): DeploymentStage | undefined {
  if (v === "staging") return "Staging";
  if (v === "prod" || v === "production") return "Production";
  return undefined;
}
