/**
 * Endpoint, monitoring and deployment evidence for a solution's stage endpoints. Each endpoint's configs and
 * models are read in the account that holds it (`inAccount`), so deployments count in every account.
 */
import { accountFromArn } from "@/lib/sagemaker/account";
import { inAccount } from "@/lib/sagemaker/accounts/context";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { CONFIGS_DESCRIBED, listEndpointConfigs } from "@/lib/sagemaker/endpoints/configs";
import type { DeploymentEvent, EndpointEvidence, MonitoringEvidence, Stage } from "@/lib/maturity/types";
import type { AccountMonitoring } from "./gather";
import type { ConfigReads } from "./reads";

const stageOf = (e: StageEndpoint): Stage => (e.stage === "Production" ? "prod" : "staging");

export async function endpointEvidence(e: StageEndpoint, reads: ConfigReads): Promise<EndpointEvidence> {
  const config = e.configName;
  const dataCapture = config ? (await inAccount(e.account, () => reads.config(config))).dataCapture : false;
  return {
    ref: { kind: "endpoint", id: e.name, label: e.name },
    stage: stageOf(e),
    status: e.status,
    accountId: accountFromArn(e.arn) ?? "",
    account: e.account,
    variants: [{ modelPackageArn: e.servedArn }],
    dataCapture,
    automated: !!(e.tags["aws:cloudformation:stack-name"] || e.tags["sagemaker:project-id"]),
  };
}

/** cron(0 * …) → hourly; any other cron or rate → daily (the common Model Monitor cadences). */
export function cadenceOf(expression: string | undefined): number {
  if (!expression) return 3600;
  return /^cron\(0 \* /.test(expression) || /rate\(1 hour\)/.test(expression) ? 3600 : 86_400;
}

export function monitoringEvidence(m: AccountMonitoring): MonitoringEvidence {
  const status = (["Pending", "Failed", "Scheduled", "Stopped"] as const).find((s) => s === m.status);
  return {
    ref: { kind: "monitoringSchedule", id: m.name, label: m.name },
    endpointName: m.endpointName,
    ...(m.account !== undefined ? { account: m.account } : {}),
    status: status ?? "Pending",
    type: m.type,
    lastRun: m.lastRun,
    cadenceSeconds: cadenceOf(m.scheduleExpression),
  };
}

/**
 * Deployments from the endpoint's newest configs over time (approx: a config's creation time stands for its
 * go-live). A version older than the one before it, or a current config that is not the newest, is a
 * rollback. The current config's version is already known from DescribeEndpoint; the others are read
 * config → model → package, each config and model once per collection.
 */
export async function deploymentEvents(e: StageEndpoint, reads: ConfigReads): Promise<DeploymentEvent[]> {
  const history = await inAccount(e.account, async () => {
    const listed = (await listEndpointConfigs(e.name)).slice(0, CONFIGS_DESCRIBED);
    return Promise.all(
      listed.map(async (c) => ({
        ...c,
        packageArn: c.config === e.configName ? e.servedArn : await reads.packageOfConfig(c.config),
      })),
    );
  });
  history.sort((a, b) => a.at - b.at);
  const stage = stageOf(e);
  const events: DeploymentEvent[] = [];
  let previous: number | undefined;
  for (const h of history) {
    if (!h.packageArn) continue;
    const version = Number(h.packageArn.split("/").pop());
    events.push({
      packageArn: h.packageArn,
      stage,
      at: h.at,
      rollback: previous !== undefined && version < previous,
      approx: true,
    });
    previous = version;
  }
  const newest = history.at(-1);
  if (newest && e.configName && e.configName !== newest.config && e.servedArn)
    events.push({
      packageArn: e.servedArn,
      stage,
      at: e.lastModifiedAt ?? newest.at,
      rollback: true,
      approx: true,
    });
  return events;
}
