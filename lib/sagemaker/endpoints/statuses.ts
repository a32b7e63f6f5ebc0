import type { EndpointStatus } from "@aws-sdk/client-sagemaker";

/** SageMaker's EndpointStatus values, for filters (checked against the SDK's enum; no runtime SDK import). */
export const ENDPOINT_STATUSES = [
  "InService",
  "Creating",
  "Updating",
  "SystemUpdating",
  "RollingBack",
  "OutOfService",
  "Deleting",
  "Failed",
  "UpdateRollbackFailed",
] as const satisfies readonly EndpointStatus[];
