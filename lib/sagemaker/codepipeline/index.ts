export * from "./types";
export { deployPipelineAccount } from "./client";
export { GateAnsweredError, GateTokenError } from "./errors";
export { getPipeline, getPipelineState, listActionExecutions, listPipelineExecutions } from "./reads";
export { putApprovalResult, type ApprovalResultInput } from "./writes";
