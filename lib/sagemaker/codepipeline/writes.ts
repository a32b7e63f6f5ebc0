import { PutApprovalResultCommand } from "@aws-sdk/client-codepipeline";
import { codePipelineWrite } from "./call";
import { getCodePipelineClient } from "./client";
import type { ApprovalAnswer } from "./types";

export interface ApprovalResultInput {
  pipeline: string;
  stage: string;
  action: string;
  token: string;
  status: ApprovalAnswer;
  summary: string;
}

/**
 * Answers a manual approval (PutApprovalResult with its token). An answered gate → GateAnsweredError, a token that is
 * no longer the open one → GateTokenError (both 409).
 */
export async function putApprovalResult(input: ApprovalResultInput): Promise<{ approvedAt?: number }> {
  return codePipelineWrite(
    {
      operation: "PutApprovalResult",
      resource: `The approval ${input.stage}/${input.action} of "${input.pipeline}"`,
      invalidate: [`codepipeline:state:${input.pipeline}`, `codepipeline:actions:${input.pipeline}`],
    },
    async () => {
      const r = await getCodePipelineClient().send(
        new PutApprovalResultCommand({
          pipelineName: input.pipeline,
          stageName: input.stage,
          actionName: input.action,
          token: input.token,
          result: { status: input.status, summary: input.summary },
        }),
      );
      return { approvedAt: r.approvedAt?.getTime() };
    },
  );
}
