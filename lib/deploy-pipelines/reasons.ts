/** Why SageDeck does not deploy a pipeline-deployed group itself (pure: the policy and the UI use it). */
export const pipelineDeployedReason = (pipeline: string) =>
  `This model group deploys through its deploy pipeline "${pipeline}": approving a version starts it, and its approval gate (in the approvals inbox) decides production. SageDeck does not deploy it directly.`;
