/**
 * Start, stop and retry pipeline runs. Each verb: check the permission, replay a repeated
 * Idempotency-Key, call SageMaker with a ClientRequestToken derived from that key (so even two
 * concurrent identical requests make one execution), and write an audit event with the outcome.
 */
import { createHash } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { withIdempotency, type StoredResponse } from "@/lib/db/idempotency";
import { ConflictError, ForbiddenError, isAppError, ValidationError } from "@/lib/errors";
import { startRunSchema, unknownParameters, type StartRunBody } from "@/lib/pipelines/parameters";
import { describePipeline } from "@/lib/sagemaker/pipelines";
import { executionIdOf } from "@/lib/sagemaker/pipelines-mappers";
import {
  retryPipelineExecution,
  startPipelineExecution,
  stopPipelineExecution,
} from "@/lib/sagemaker/pipelines-writes";

export interface VerbContext {
  db: Db;
  user: SessionUser;
  idempotencyKey: string;
  requestId?: string;
}

export interface ExecutionRef {
  executionArn: string;
  executionId: string;
  replayed: boolean;
}

/** 64 hex characters: within SageMaker's 32–128, stable for (user, verb, target, key). */
export function clientRequestToken(actor: string, scope: string, key: string): string {
  return createHash("sha256").update(`${actor}\n${scope}\n${key}`).digest("hex");
}

function requireRun(user: SessionUser): void {
  if (!can(user.role, "pipelines.run"))
    throw new ForbiddenError(`Your role (${user.role}) may not start, stop or retry pipeline runs.`);
}

/** withIdempotency, waiting (briefly) while a first identical request is still running. */
async function once(ctx: VerbContext, route: string, request: unknown, fn: () => Promise<StoredResponse>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await withIdempotency(
        ctx.db,
        { key: ctx.idempotencyKey, actor: ctx.user.id, route, request },
        fn,
      );
    } catch (err) {
      const running = err instanceof ConflictError && /still running/.test(err.message);
      if (!running || attempt >= 40) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function audited<T>(
  ctx: VerbContext,
  action: string,
  target: string,
  details: Record<string, unknown>,
  run: () => Promise<{ target: string; value: T }>,
): Promise<T> {
  const base = { actor: ctx.user.username, actorRole: ctx.user.role, action, requestId: ctx.requestId };
  try {
    const { target: done, value } = await run();
    await recordAudit(ctx.db, { ...base, target: done, outcome: "ok", details });
    return value;
  } catch (err) {
    const message = isAppError(err) ? err.message : "unexpected error";
    await recordAudit(ctx.db, {
      ...base,
      target,
      outcome: "failed",
      details: { ...details, error: message },
    });
    throw err;
  }
}

/** Validates the values against the definition: unknown names and wrong types are refused (422). */
export function validateStart(
  body: StartRunBody,
  parameters: Awaited<ReturnType<typeof describePipeline>>["definition"]["parameters"],
  pipeline: string,
) {
  const unknown = unknownParameters(body.parameters, parameters);
  if (unknown.length > 0) {
    const known = parameters.map((p) => p.name).join(", ") || "none";
    throw new ValidationError(
      `Pipeline "${pipeline}" has no parameter ${unknown.map((u) => `"${u}"`).join(", ")}. Its parameters are: ${known}.`,
    );
  }
  const given = Object.fromEntries(Object.entries(body.parameters).map(([k, v]) => [k, String(v)]));
  const withDefaults = Object.fromEntries(
    parameters.map((p) => [p.name, given[p.name] ?? p.defaultValue ?? ""]),
  );
  const parsed = startRunSchema(parameters).safeParse({ ...body, parameters: withDefaults });
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => i.message).join(" "));
  }
  return {
    values: given,
    displayName: parsed.data.displayName || undefined,
    description: parsed.data.description,
  };
}

export async function startRun(
  ctx: VerbContext,
  pipelineName: string,
  body: StartRunBody,
): Promise<ExecutionRef> {
  requireRun(ctx.user);
  const pipeline = await describePipeline(pipelineName);
  const input = validateStart(body, pipeline.definition.parameters, pipelineName);
  const route = `pipelines.start:${pipelineName}`;
  const result = await once(ctx, route, input, () =>
    audited(
      ctx,
      "pipelines.start",
      pipeline.arn,
      { pipeline: pipelineName, parameters: input.values },
      async () => {
        const arn = await startPipelineExecution({
          pipelineName,
          parameters: input.values,
          displayName: input.displayName,
          description: input.description || undefined,
          clientRequestToken: clientRequestToken(ctx.user.id, route, ctx.idempotencyKey),
        });
        return {
          target: arn,
          value: { status: 201, body: { executionArn: arn, executionId: executionIdOf(arn) } },
        };
      },
    ),
  );
  const b = result.body as { executionArn: string; executionId: string };
  return { ...b, replayed: result.replayed };
}

type Verb = "stop" | "retry";

const REFUSED: Record<Verb, string> = {
  stop: "This execution is no longer running (it has already finished or been stopped), so it cannot be stopped.",
  retry:
    "Only a failed execution can be retried; this one has not failed (it is running, stopped or succeeded).",
};

async function changeRun(ctx: VerbContext, verb: Verb, executionArn: string): Promise<ExecutionRef> {
  requireRun(ctx.user);
  const route = `pipelines.${verb}:${executionArn}`;
  const token = clientRequestToken(ctx.user.id, route, ctx.idempotencyKey);
  const result = await once(ctx, route, { executionArn }, () =>
    audited(ctx, `pipelines.${verb}`, executionArn, {}, async () => {
      try {
        if (verb === "stop") await stopPipelineExecution(executionArn, token);
        else await retryPipelineExecution(executionArn, token);
      } catch (err) {
        if (err instanceof ConflictError && !/quota/.test(err.message)) {
          const status = /is in (\w+) status/.exec(err.message)?.[1];
          throw new ConflictError(
            status ? REFUSED[verb].replace(/\(.*\)/, `(it is ${status})`) : REFUSED[verb],
            {
              cause: err,
            },
          );
        }
        throw err;
      }
      return {
        target: executionArn,
        value: { status: 200, body: { executionArn, executionId: executionIdOf(executionArn) } },
      };
    }),
  );
  const b = result.body as { executionArn: string; executionId: string };
  return { ...b, replayed: result.replayed };
}

export const stopRun = (ctx: VerbContext, executionArn: string) => changeRun(ctx, "stop", executionArn);
export const retryRun = (ctx: VerbContext, executionArn: string) => changeRun(ctx, "retry", executionArn);
