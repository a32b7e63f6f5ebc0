/** Domain types of an endpoint variant's autoscaling (Application Auto Scaling). Times are epoch ms. */

/** `endpoint/<name>/variant/<variant>` — Application Auto Scaling's ResourceId of a SageMaker variant. */
export const variantResourceId = (endpoint: string, variant: string) =>
  `endpoint/${endpoint}/variant/${variant}`;

export const SCALABLE_DIMENSION = "sagemaker:variant:DesiredInstanceCount" as const;
export const INVOCATIONS_METRIC = "SageMakerVariantInvocationsPerInstance" as const;

export interface ScalingPolicyInfo {
  name: string;
  /** TargetTrackingScaling | StepScaling | … */
  type: string;
  /** target tracking: the target value and its predefined metric */
  targetValue?: number;
  metric?: string;
  scaleInCooldown?: number;
  scaleOutCooldown?: number;
}

export interface ScalableTargetInfo {
  minCapacity: number;
  maxCapacity: number;
  suspended: boolean;
}

export interface ScalingActivity {
  id: string;
  description: string;
  cause: string;
  status: string;
  statusMessage?: string;
  startedAt: number;
  endedAt?: number;
}

/** What Application Auto Scaling knows of one variant: its target (none when not registered) and policies. */
export interface VariantScaling {
  resourceId: string;
  target: ScalableTargetInfo | null;
  policies: ScalingPolicyInfo[];
}

/** The scaling a promotion registers: capacity range and target invocations per instance per minute. */
export interface ScalingSettings {
  min: number;
  max: number;
  target: number;
}
