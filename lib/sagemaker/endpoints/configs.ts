/**
 * An endpoint's deployment history, approximated from its endpoint configs (`<endpoint>-…`): SageMaker keeps
 * no deployment log, so a config's creation time stands for its go-live. The reads are split so the
 * collector can describe each config and each model once, however many endpoints share them.
 */
import {
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListEndpointConfigsCommand,
} from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

/** Endpoint configs listed per endpoint (one page, newest first). */
export const CONFIGS_LISTED = 20;
/** Of those, the newest ones described (config → model → package): the deployment history kept. */
export const CONFIGS_DESCRIBED = 10;

export interface ConfigSummary {
  config: string;
  /** the config's creation time, taken as when it went live (approx) */
  at: number;
}

/** The endpoint's own configs (`<endpoint>-…`), newest first. */
export async function listEndpointConfigs(endpoint: string): Promise<ConfigSummary[]> {
  return sagemakerRead(
    { key: `maturity:configs:${endpoint}`, operation: "ListEndpointConfigs" },
    async () => {
      const r = await getSageMakerClient().send(
        new ListEndpointConfigsCommand({
          NameContains: endpoint,
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: CONFIGS_LISTED,
        }),
      );
      return (r.EndpointConfigs ?? [])
        .filter((c) => c.EndpointConfigName?.startsWith(`${endpoint}-`))
        .map((c) => ({ config: c.EndpointConfigName ?? "", at: c.CreationTime?.getTime() ?? 0 }));
    },
  );
}

export interface ConfigFacts {
  /** the first production variant's model */
  modelName?: string;
  dataCapture: boolean;
}

export async function describeConfig(name: string): Promise<ConfigFacts> {
  return sagemakerRead(
    {
      key: `maturity:config:${name}`,
      operation: "DescribeEndpointConfig",
      resource: `Endpoint config "${name}"`,
    },
    async () => {
      const r = await getSageMakerClient().send(
        new DescribeEndpointConfigCommand({ EndpointConfigName: name }),
      );
      return {
        modelName: r.ProductionVariants?.[0]?.ModelName,
        dataCapture: r.DataCaptureConfig?.EnableCapture === true,
      };
    },
  );
}

/** The model version a model serves (its container's ModelPackageName), if any. */
export async function packageOfModel(name: string): Promise<string | undefined> {
  return sagemakerRead(
    { key: `maturity:model:${name}`, operation: "DescribeModel", resource: `Model "${name}"` },
    async () => {
      const m = await getSageMakerClient().send(new DescribeModelCommand({ ModelName: name }));
      return (m.PrimaryContainer ?? m.Containers?.[0])?.ModelPackageName;
    },
  );
}

/** Whether an endpoint config captures data (DescribeEndpointConfig). */
export async function configCapturesData(configName: string): Promise<boolean> {
  return sagemakerRead(
    { key: `maturity:config-capture:${configName}`, operation: "DescribeEndpointConfig" },
    async () => {
      const r = await getSageMakerClient().send(
        new DescribeEndpointConfigCommand({ EndpointConfigName: configName }),
      );
      return r.DataCaptureConfig?.EnableCapture === true;
    },
  );
}
