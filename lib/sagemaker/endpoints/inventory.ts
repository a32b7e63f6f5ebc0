/**
 * Every endpoint of the current account (not only the stage endpoints the approvals flow follows), each with
 * its config's size and the model version it serves. Reads go through the shared paths (ListEndpoints,
 * DescribeEndpoint + tags, DescribeEndpointConfig, DescribeModel), so the list and the stage views share a cache.
 */
import { describeEndpointConfig } from "./configs";
import { describeEndpoint, listEndpointNames } from "./reads";
import { STAGE_TAG, stageOfTag, type DeploymentStage, type EndpointVariant } from "./types";

export interface EndpointRecord {
  /** the configured account (lib/config accounts) the endpoint lives in */
  account: string;
  name: string;
  arn: string;
  /** from the `sagemaker:deployment-stage` tag; undefined when the endpoint has none */
  stage?: DeploymentStage;
  status: string;
  failureReason?: string;
  configName?: string;
  /** the model version served (config → first variant's model → ModelPackageName) */
  servedArn?: string;
  instanceType?: string;
  instanceCount?: number;
  lastModifiedAt?: number;
  tags: Record<string, string>;
  /** variants with their current and desired instance counts (DescribeEndpoint) */
  variants: EndpointVariant[];
}

/** Every endpoint of the current account, described (an endpoint deleted between list and describe is left out). */
export async function listAccountEndpoints(): Promise<EndpointRecord[]> {
  const names = await listEndpointNames();
  const described = await Promise.all(
    names.map(async (name): Promise<EndpointRecord | null> => {
      const e = await describeEndpoint(name);
      if (!e) return null;
      const config = e.configName ? await describeEndpointConfig(e.configName) : undefined;
      return {
        account: e.account,
        name: e.name,
        arn: e.arn,
        stage: STAGE_TAG in e.tags ? stageOfTag(e.tags[STAGE_TAG]) : undefined,
        status: e.status,
        failureReason: e.failureReason,
        configName: e.configName,
        servedArn: e.servedArn,
        instanceType: config?.instanceType,
        instanceCount: config?.instanceCount,
        lastModifiedAt: e.lastModifiedAt,
        tags: e.tags,
        variants: e.variants ?? [],
      };
    }),
  );
  return described.filter((e): e is EndpointRecord => e !== null);
}
