/**
 * Every endpoint of the current account in one paged Search over Endpoint: each record carries its tags, its
 * config, status and variants, so listing endpoints costs no DescribeEndpoint and no ListTags per endpoint.
 * Each record also carries the endpoint's Model Monitor schedules with their last run.
 * What an endpoint serves is resolved once per endpoint config (configs.ts `servedPackage`, kept long: a config
 * never changes, and an endpoint that changes points at a new config).
 */
import { SearchCommand, type Endpoint } from "@aws-sdk/client-sagemaker";
import { isAppError } from "@/lib/errors";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { currentAccount } from "@/lib/sagemaker/accounts/context";
import { servedPackage } from "./configs";
import { toMonitoringRecord, type MonitoringRecord } from "@/lib/sagemaker/monitoring/schedules";
import type { EndpointVariant } from "./types";

const PAGES = 20;

export interface SearchedEndpoint {
  account: string;
  name: string;
  arn: string;
  status: string;
  configName?: string;
  failureReason?: string;
  lastModifiedAt?: number;
  tags: Record<string, string>;
  variants: EndpointVariant[];
  /** its Model Monitor schedules (the Search record carries them, with each one's last execution) */
  monitoring: MonitoringRecord[];
}

const toSearched = (e: Endpoint, account: string): SearchedEndpoint => ({
  account,
  name: e.EndpointName ?? "",
  arn: e.EndpointArn ?? "",
  status: e.EndpointStatus ?? "Unknown",
  configName: e.EndpointConfigName,
  failureReason: e.FailureReason,
  lastModifiedAt: e.LastModifiedTime?.getTime(),
  tags: Object.fromEntries((e.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""])),
  variants: (e.ProductionVariants ?? []).map((v) => ({
    name: v.VariantName ?? "",
    currentInstanceCount: v.CurrentInstanceCount,
    desiredInstanceCount: v.DesiredInstanceCount,
  })),
  monitoring: (e.MonitoringSchedules ?? []).map(toMonitoringRecord),
});

/** Every endpoint of the current account, newest first (as ListEndpoints orders them), with tags. */
export async function searchEndpoints(): Promise<SearchedEndpoint[]> {
  const account = currentAccount().name;
  return sagemakerRead({ key: "endpoints:search", operation: "Search" }, async () => {
    const out: SearchedEndpoint[] = [];
    let token: string | undefined;
    for (let i = 0; i < PAGES; i++) {
      const r = await getSageMakerClient().send(
        new SearchCommand({
          Resource: "Endpoint",
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: 100,
          NextToken: token,
        }),
      );
      for (const x of r.Results ?? []) if (x.Endpoint) out.push(toSearched(x.Endpoint, account));
      token = r.NextToken;
      if (!token) break;
    }
    return out;
  });
}

/** The version a config serves; a config deleted meanwhile serves nothing we can name. */
async function servedArnOf(config: string | undefined): Promise<string | undefined> {
  if (!config) return undefined;
  try {
    return (await servedPackage(config)).arn;
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return undefined;
    throw err;
  }
}

/** Every endpoint of the current account with the model version it serves (once per endpoint config). */
export async function searchEndpointsServing(): Promise<(SearchedEndpoint & { servedArn?: string })[]> {
  const all = await searchEndpoints();
  return Promise.all(all.map(async (e) => ({ ...e, servedArn: await servedArnOf(e.configName) })));
}
