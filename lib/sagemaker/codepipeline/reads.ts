import {
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
} from "@aws-sdk/client-codepipeline";
import { NotFoundError } from "@/lib/errors";
import { codePipelineRead, STATE_TTL_MS } from "./call";
import { getCodePipelineClient } from "./client";
import { toActionRun, toDeployPipeline, toExecution, toPipelineState } from "./mappers";
import type { ActionRunView, DeployPipeline, PipelineExecutionView, PipelineStateView } from "./types";

const client = () => getCodePipelineClient();
const what = (name: string) => `Deploy pipeline "${name}"`;

/** The pipeline's declaration; null when it does not exist. */
export async function getPipeline(name: string): Promise<DeployPipeline | null> {
  try {
    return await codePipelineRead(
      { key: `codepipeline:pipeline:${name}`, operation: "GetPipeline", resource: what(name) },
      async () => {
        const r = await client().send(new GetPipelineCommand({ name }));
        return r.pipeline ? toDeployPipeline(r.pipeline) : null;
      },
    );
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/** The newest executions, newest first (one page of up to `max`). */
export function listPipelineExecutions(name: string, max = 25): Promise<PipelineExecutionView[]> {
  return codePipelineRead(
    {
      key: `codepipeline:executions:${name}:${max}`,
      operation: "ListPipelineExecutions",
      resource: what(name),
      ttlMs: STATE_TTL_MS,
    },
    async () => {
      const r = await client().send(
        new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: max }),
      );
      return (r.pipelineExecutionSummaries ?? []).map(toExecution);
    },
  );
}

/** Each stage's latest execution and each action's latest run, with an open approval's token. */
export function getPipelineState(name: string, fresh = false): Promise<PipelineStateView> {
  return codePipelineRead(
    {
      key: `codepipeline:state:${name}`,
      operation: "GetPipelineState",
      resource: what(name),
      ttlMs: fresh ? 0 : STATE_TTL_MS,
    },
    async () => toPipelineState(name, await client().send(new GetPipelineStateCommand({ name }))),
  );
}

/**
 * Action runs, newest first: of one execution (all of them), or of the pipeline's recent executions (up to
 * `maxPages` pages of 100).
 */
export function listActionExecutions(
  name: string,
  opts: { executionId?: string; fresh?: boolean; maxPages?: number } = {},
): Promise<ActionRunView[]> {
  return codePipelineRead(
    {
      key: `codepipeline:actions:${name}:${opts.executionId ?? "*"}`,
      operation: "ListActionExecutions",
      resource: what(name),
      ttlMs: opts.fresh ? 0 : STATE_TTL_MS,
    },
    async () => {
      const out: ActionRunView[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < (opts.maxPages ?? 3); page++) {
        const r = await client().send(
          new ListActionExecutionsCommand({
            pipelineName: name,
            maxResults: 100,
            nextToken,
            ...(opts.executionId ? { filter: { pipelineExecutionId: opts.executionId } } : {}),
          }),
        );
        out.push(...(r.actionExecutionDetails ?? []).map(toActionRun));
        nextToken = r.nextToken;
        if (!nextToken) break;
      }
      return out;
    },
  );
}
