/** Endpoint, monitoring and deployment evidence for a solution's stage endpoints. */
import { accountFromArn } from "@/lib/sagemaker/account";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints-types";
import { configCapturesData, type MonitoringRecord } from "@/lib/sagemaker/maturity";
import { endpointDeployments } from "@/lib/sagemaker/maturity-deployments";
import type { DeploymentEvent, EndpointEvidence, MonitoringEvidence, Stage } from "../types";

const stageOf = (e: StageEndpoint): Stage => (e.stage === "Production" ? "prod" : "staging");

export async function endpointEvidence(e: StageEndpoint): Promise<EndpointEvidence> {
  const dataCapture = e.configName ? await configCapturesData(e.configName) : false;
  return {
    ref: { kind: "endpoint", id: e.name, label: e.name },
    stage: stageOf(e),
    status: e.status,
    accountId: accountFromArn(e.arn) ?? "",
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

export function monitoringEvidence(m: MonitoringRecord): MonitoringEvidence {
  const status = (["Pending", "Failed", "Scheduled", "Stopped"] as const).find((s) => s === m.status);
  return {
    ref: { kind: "monitoringSchedule", id: m.name, label: m.name },
    endpointName: m.endpointName,
    status: status ?? "Pending",
    type: m.type,
    lastRun: m.lastRun,
    cadenceSeconds: cadenceOf(m.scheduleExpression),
  };
}

/**
 * Deployments from the endpoint's configs over time (approx: a config's creation time stands for its
 * go-live). A version older than the one before it, or a current config that is not the newest, is a rollback.
 */
export async function deploymentEvents(e: StageEndpoint): Promise<DeploymentEvent[]> {
  const history = await endpointDeployments(e.name);
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
