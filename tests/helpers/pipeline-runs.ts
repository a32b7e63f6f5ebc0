/** Shared by the pipeline run tests: waiting on SageMaker, a database whose outcome writes fail, pipelines. */
import { CreatePipelineCommand, DescribePipelineCommand } from "@aws-sdk/client-sagemaker";
import type { Db } from "@/lib/db/client";
import { describeExecutionDetail } from "@/lib/sagemaker/pipelines/executions";
import type { ExecutionDetail } from "@/lib/sagemaker/pipelines/types";
import { clientAs } from "@/tests/helpers/decisions-fixtures";

export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const finished = (arn: string): Promise<ExecutionDetail> =>
  until(
    () => describeExecutionDetail(arn),
    (d) => d.status !== "Executing" && d.status !== "Stopping",
  );

/** The database, except that transactions (the outcome + audit write) fail: "the DB failed after the call". */
export function failingOutcomes(db: Db): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "transaction") return () => Promise.reject(new Error("injected: database unreachable"));
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** A copy of `from` whose approval parameter defaults to Approved (as a careless pipeline author might). */
export async function createAutoApprovePipeline(url: string, from: string, name: string): Promise<void> {
  const client = clientAs(url, "admin");
  const src = await client.send(new DescribePipelineCommand({ PipelineName: from }));
  const definition = JSON.parse(src.PipelineDefinition ?? "{}") as {
    Parameters: { Name: string; DefaultValue?: unknown }[];
  };
  for (const p of definition.Parameters) if (p.Name === "ModelApprovalStatus") p.DefaultValue = "Approved";
  await client.send(
    new CreatePipelineCommand({
      PipelineName: name,
      RoleArn: src.RoleArn ?? "arn:aws:iam::123456789012:role/SageMakerPipelines",
      PipelineDefinition: JSON.stringify(definition),
      ClientRequestToken: `create-${name}-${"x".repeat(24)}`.slice(0, 64),
    }),
  );
}
