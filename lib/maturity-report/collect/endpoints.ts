/**
 * Endpoint, monitoring and deployment evidence for a solution's stage endpoints. Each endpoint's configs and
 * models are read in the account that holds it (`inAccount`), so deployments count in every account.
 */
import { accountFromArn } from "@/lib/sagemaker/account";
import { inAccount } from "@/lib/sagemaker/accounts/context";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { CONFIGS_DESCRIBED, listEndpointConfigs } from "@/lib/sagemaker/endpoints/configs";
import type { DeploymentEvent, EndpointEvidence, MonitoringEvidence, Stage } from "@/lib/maturity/types";
import { accountScaling } from "@/lib/sagemaker/autoscaling/reads";
import { INVOCATIONS_METRIC, variantResourceId } from "@/lib/sagemaker/autoscaling/types";
import type { AccountMonitoring } from "./gather";
import { attempt } from "./gather";
import type { ConfigReads } from "./reads";

const stageOf = (e: StageEndpoint): Stage => (e.stage === "Production" ? "prod" : "staging");

/**
 * A production endpoint's first variant in Application Auto Scaling (its account's targets and policies, one
 * cached read each per account), for L-10; unknown when that account's autoscaling could not be read.
 */
function autoscalingEvidence(e: StageEndpoint): Promise<EndpointEvidence["autoscaling"]> {
  const variant = e.variants?.[0]?.name ?? "AllTraffic";
  return attempt(async () => {
    const s = (await inAccount(e.account, accountScaling)).get(variantResourceId(e.name, variant));
    if (!s?.target) return null;
    const p =
      s.policies.find((x) => x.metric === INVOCATIONS_METRIC && x.targetValue !== undefined) ?? s.policies[0];
    const policy = p
      ? p.targetValue !== undefined
        ? `target tracking ${p.targetValue} ${p.metric === INVOCATIONS_METRIC ? "invocations/instance" : (p.metric ?? "")}`.trim()
        : `${p.type} policy ${p.name}`
      : undefined;
    return { min: s.target.minCapacity, max: s.target.maxCapacity, ...(policy ? { policy } : {}) };
  }).then((k) =>
    k.ok ? k : { ok: false as const, reason: `${e.account}: Application Auto Scaling: ${k.reason}` },
  );
}

export async function endpointEvidence(e: StageEndpoint, reads: ConfigReads): Promise<EndpointEvidence> {
  const config = e.configName;
  const [dataCapture, autoscaling] = await Promise.all([
    config ? inAccount(e.account, () => reads.config(config)).then((c) => c.dataCapture) : false,
    e.stage === "Production" ? autoscalingEvidence(e) : undefined,
  ]);
  return {
    ref: { kind: "endpoint", id: e.name, label: e.name },
    stage: stageOf(e),
    status: e.status,
    accountId: accountFromArn(e.arn) ?? "",
    account: e.account,
    variants: [{ modelPackageArn: e.servedArn }],
    dataCapture,
    automated: !!(e.tags["aws:cloudformation:stack-name"] || e.tags["sagemaker:project-id"]),
    ...(autoscaling ? { autoscaling } : {}),
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
