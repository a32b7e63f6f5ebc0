/**
 * Reads shared by a whole collection: each endpoint config and each model is read once, whichever
 * endpoints share it (staging and production serve the same models) and whatever the cache TTL.
 */
import { describeEndpointConfig, describeModel, type ConfigFacts } from "@/lib/sagemaker/endpoints/configs";

export interface ConfigReads {
  config(name: string): Promise<ConfigFacts>;
  /** the model package a config serves (config → first variant's model → ModelPackageName) */
  packageOfConfig(name: string): Promise<string | undefined>;
}

function once<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let p = seen.get(key);
    if (!p) {
      p = read(key);
      seen.set(key, p);
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
  };
}
