/**
 * Every endpoint of the current account (not only the stage endpoints the approvals flow follows), each with
 * its config's size and the model version it serves. Reads go through the shared paths (one Search over
 * Endpoint with tags; DescribeEndpointConfig and DescribeModel once per config), so the list and the stage
 * views share a cache.
 */
import type { MonitoringRecord } from "@/lib/sagemaker/monitoring/schedules";
import { describeEndpointConfig } from "./configs";
import { searchEndpointsServing } from "./search";
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
  /** its Model Monitor schedules with their last run (from the same Search) */
  monitoring?: MonitoringRecord[];
}

/** Every endpoint of the current account, described. */
export async function listAccountEndpoints(): Promise<EndpointRecord[]> {
  const all = await searchEndpointsServing();
  return Promise.all(
    all.map(async (e): Promise<EndpointRecord> => {
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
        variants: e.variants,
        monitoring: e.monitoring,
      };
    }),
  );
}
