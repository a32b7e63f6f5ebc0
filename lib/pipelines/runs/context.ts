/** What every run verb (start, stop, retry) shares: its context, the permission, the ClientRequestToken. */
import { createHash } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { executionIdOf } from "@/lib/sagemaker/pipelines/mappers";
import type { VerbContext } from "@/lib/verb-context";

/** The Idempotency-Key (required on run routes) also makes SageMaker's ClientRequestToken. */
export interface RunContext extends VerbContext {
  idempotencyKey: string;
}

export interface ExecutionRef {
  executionArn: string;
  executionId: string;
}

/** 64 hex characters: within SageMaker's 32–128, stable for (user, verb, target, key). */
export function clientRequestToken(actor: string, scope: string, key: string): string {
  return createHash("sha256").update(`${actor}\n${scope}\n${key}`).digest("hex");
}

export function requireRun(user: SessionUser): void {
  if (!can(user.role, "pipelines.run"))
    throw new ForbiddenError(`Your role (${user.role}) may not start, stop or retry pipeline runs.`);
}

export const refOf = (executionArn: string): ExecutionRef => ({
  executionArn,
  executionId: executionIdOf(executionArn),
});
