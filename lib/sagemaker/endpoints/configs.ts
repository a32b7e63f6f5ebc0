/**
 * The one read path for endpoint configs and models: every caller (the version page's stages, the deploy
 * step, the audit log's stage history, the maturity collector) reads a config or a model through these,
 * under one cache key each, so the cache shares them. Configs and models cannot change in SageMaker (only be
 * created or deleted), so a cached answer stays right: they are kept `immutableTtlMs()` (1 h by default), and
 * an endpoint that changes points at a new config name — resolution happens once per config.
 */
import {
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListEndpointConfigsCommand,
  type DataCaptureConfig,
  type EndpointConfigSummary,
  type ProductionVariantInstanceType,
} from "@aws-sdk/client-sagemaker";
import { immutableTtlMs, sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

/** Endpoint configs the maturity collector describes per endpoint (newest first): the history it keeps. */
export const CONFIGS_DESCRIBED = 10;
const CONFIG_PAGES = 20;

export interface ConfigSummary {
  config: string;
  /** the config's creation time, taken as when it went live (approx) */
  at: number;
}

/** The endpoint's own configs (`<endpoint>-…`), newest first. */
export async function listEndpointConfigs(endpoint: string): Promise<ConfigSummary[]> {
  return sagemakerRead(
    { key: `endpoints:configs:${endpoint}`, operation: "ListEndpointConfigs" },
    async () => {
      const out: EndpointConfigSummary[] = [];
      let token: string | undefined;
      for (let i = 0; i < CONFIG_PAGES; i++) {
        const r = await getSageMakerClient().send(
          new ListEndpointConfigsCommand({
            NameContains: endpoint,
            SortBy: "CreationTime",
            SortOrder: "Descending",
            MaxResults: 100,
            NextToken: token,
          }),
        );
        out.push(...(r.EndpointConfigs ?? []));
        token = r.NextToken;
        if (!token) break;
      }
      return out
        .filter((c) => c.EndpointConfigName?.startsWith(`${endpoint}-`))
        .map((c) => ({ config: c.EndpointConfigName ?? "", at: c.CreationTime?.getTime() ?? 0 }));
    },
  );
}

export interface ConfigFacts {
  name: string;
  /** the first production variant's model, size and instance type */
  modelName?: string;
  instanceCount?: number;
  instanceType?: ProductionVariantInstanceType;
  dataCapture: boolean;
  /** kept as SageMaker has it, so a redeployment copies it (stays inside lib/sagemaker) */
  dataCaptureConfig?: DataCaptureConfig;
}

export async function describeEndpointConfig(name: string): Promise<ConfigFacts> {
  return sagemakerRead(
    {
      key: `endpoints:config:${name}`,
      operation: "DescribeEndpointConfig",
      resource: `Endpoint config "${name}"`,
      ttlMs: immutableTtlMs(),
    },
    async () => {
      const r = await getSageMakerClient().send(
        new DescribeEndpointConfigCommand({ EndpointConfigName: name }),
      );
      const v = r.ProductionVariants?.[0];
      return {
        name,
        modelName: v?.ModelName,
        instanceCount: v?.InitialInstanceCount,
        instanceType: v?.InstanceType,
        dataCapture: r.DataCaptureConfig?.EnableCapture === true,
        dataCaptureConfig: r.DataCaptureConfig,
      };
    },
  );
}

export interface ModelFacts {
  name: string;
  /** the model version it serves (its container's ModelPackageName), if any */
  packageArn?: string;
  roleArn?: string;
}

export async function describeModel(name: string): Promise<ModelFacts> {
  return sagemakerRead(
    {
      key: `endpoints:model:${name}`,
      operation: "DescribeModel",
      resource: `Model "${name}"`,
      ttlMs: immutableTtlMs(),
    },
    async () => {
      const m = await getSageMakerClient().send(new DescribeModelCommand({ ModelName: name }));
      const c = m.PrimaryContainer ?? m.Containers?.[0];
      return { name, packageArn: c?.ModelPackageName, roleArn: m.ExecutionRoleArn };
    },
  );
}

/** The model version an endpoint config serves (config → first variant's model → ModelPackageName). */
export async function servedPackage(configName: string): Promise<{ arn?: string; roleArn?: string }> {
  const { modelName } = await describeEndpointConfig(configName);
  if (!modelName) return {};
  const m = await describeModel(modelName);
  return { arn: m.packageArn, roleArn: m.roleArn };
}
