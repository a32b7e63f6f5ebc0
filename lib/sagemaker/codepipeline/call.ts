import { inAccount } from "../accounts/context";
import { sagemakerRead, sagemakerWrite } from "../call";
import type { TranslateContext } from "../errors";
import { deployPipelineAccount } from "./client";
import { translateCodePipelineError } from "./errors";

/** Seconds-fresh reads of a pipeline's state: the inbox and the version page follow a pipeline as it moves. */
export const STATE_TTL_MS = 5_000;

const translated =
  <T>(ctx: TranslateContext, call: () => Promise<T>) =>
  async (): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw translateCodePipelineError(err, ctx);
    }
  };

/**
 * A cached, coalesced CodePipeline read (the SageMaker read cache: TTL, in-flight coalescing, stale-while-error,
 * per-account keys), in the deploy pipelines' account; keys start with `codepipeline:`.
 */
export function codePipelineRead<T>(
  opts: TranslateContext & { key: string; ttlMs?: number },
  call: () => Promise<T>,
): Promise<T> {
  return inAccount(deployPipelineAccount(), () => sagemakerRead(opts, translated(opts, call)));
}

/** A CodePipeline write (retried until its deadline); invalidates the pipeline's cached reads everywhere. */
export function codePipelineWrite<T>(
  opts: TranslateContext & { invalidate: string[] },
  call: () => Promise<T>,
): Promise<T> {
  return inAccount(deployPipelineAccount(), () => sagemakerWrite(opts, translated(opts, call)));
}
