import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import { translateSageMakerError, type TranslateContext } from "../errors";

/** The gate was answered already (ApprovalAlreadyCompletedException). */
export class GateAnsweredError extends ConflictError {}
/** The gate's token is not the open one: never existed, expired, abandoned by a stop or replaced by a retry. */
export class GateTokenError extends ConflictError {}

const NOT_FOUND = new Set([
  "PipelineNotFoundException",
  "PipelineExecutionNotFoundException",
  "StageNotFoundException",
  "ActionNotFoundException",
]);

/**
 * CodePipeline's errors into the app's typed errors: its not-found and approval exceptions here, everything else
 * (throttling, access denied, network, timeouts) by the one SageMaker translator, which goes by `err.name` too.
 */
export function translateCodePipelineError(err: unknown, ctx: TranslateContext): AppError {
  if (err instanceof AppError) return err;
  const name = (err as { name?: string } | null)?.name ?? "";
  const message = (err as { message?: string } | null)?.message ?? "";
  const what = ctx.resource ?? "The requested CodePipeline resource";
  if (NOT_FOUND.has(name)) return new NotFoundError(`${what} was not found in CodePipeline.`, { cause: err });
  if (name === "ApprovalAlreadyCompletedException")
    return new GateAnsweredError(`${what} was answered already: ${message}`, { cause: err });
  if (name === "InvalidApprovalTokenException")
    return new GateTokenError(
      `${what} is no longer waiting for this answer (its approval token expired, or was replaced by a stop or a retry): ${message}`,
      { cause: err },
    );
  const translated = translateSageMakerError(err, ctx);
  // the SageMaker translator says "SageMaker"; here it was CodePipeline
  translated.message = translated.message
    .replace(/SageMaker/g, "CodePipeline")
    .replace(`sagemaker:${ctx.operation}`, `codepipeline:${ctx.operation}`);
  return translated;
}
