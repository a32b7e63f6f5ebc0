/**
 * Reads shared by a whole collection: each endpoint config, each model and each deploy pipeline's executions is read once, whichever
 * endpoints share it (staging and production serve the same models) and whatever the cache TTL. Keys
 * include the account of the calling context: the same config name in two accounts is two reads.
 */
import { accountKey } from "@/lib/sagemaker/call";
import { describeEndpointConfig, describeModel, type ConfigFacts } from "@/lib/sagemaker/endpoints/configs";
import { executionReads, type ExecutionReads } from "./deploy-pipelines";

export interface ConfigReads {
  config(name: string): Promise<ConfigFacts>;
  /** the model package a config serves (config → first variant's model → ModelPackageName) */
  packageOfConfig(name: string): Promise<string | undefined>;
  /** a deploy pipeline's newest executions (null: no such pipeline), once per pipeline */
  deployExecutions: ExecutionReads;
}

function once<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    const scoped = accountKey(key);
    let p = seen.get(scoped);
    if (!p) {
      p = read(key);
      seen.set(scoped, p);
    }
    return p;
  };
}

export function collectionReads(): ConfigReads {
  const config = once(describeEndpointConfig);
  const model = once(describeModel);
  return {
    config,
    packageOfConfig: async (name) => {
      const { modelName } = await config(name);
      return modelName ? (await model(modelName)).packageArn : undefined;
    },
    deployExecutions: executionReads(),
  };
}
