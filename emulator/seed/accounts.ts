/**
 * Demo data across three accounts (`EMULATOR_DEMO_ACCOUNTS=1`): after the organisation is seeded in the home
 * (development) account, the staging and production endpoints of every solution but one move to the staging
 * and production accounts — with their whole deployment history (every endpoint config `<endpoint>-v<n>`), the
 * models those configs serve, tags, pending rollouts and monitoring schedules with their executions — and each
 * moved solution's model package groups get a resource policy granting those accounts, as cross-account
 * registry sharing needs. The model in the stage account keeps referring to the package in the development
 * account by ARN. One solution (churn) keeps deploying everything in its development account.
 */
import { ACCOUNT_ID, REGION } from "../core/arn";
import type { Emulator } from "../core/emulator";
import type { JsonObject, JsonValue } from "../core/json";
import type { State } from "../core/state";
import { tagStore } from "../core/tags";
import { endpointConfigs, endpoints, injectedFailures, models, rollouts } from "../ops/deploy/store";
import { groupPolicies } from "../ops/registry/policy";
import { SOLUTIONS } from "./org";

export const STAGING_ACCOUNT = "222222222222";
export const PRODUCTION_ACCOUNT = "333333333333";
/** the solution that still deploys everything in its development account */
export const SINGLE_ACCOUNT_SOLUTION = "churn";

export function demoAccountsEnabled(): boolean {
  return process.env.EMULATOR_DEMO_ACCOUNTS === "1";
}

/** The record with this account's resource ARNs (never model packages: those stay in development). */
function rehome(value: JsonValue, account: string): JsonValue {
  if (typeof value === "string")
    return value.replace(
      new RegExp(
        `(arn:aws:sagemaker:[a-z0-9-]+:)${ACCOUNT_ID}(:(?:endpoint|endpoint-config|model|monitoring-schedule)/)`,
        "g",
      ),
      `$1${account}$2`,
    );
  if (Array.isArray(value)) return value.map((v) => rehome(v, account));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, v === undefined ? v : rehome(v, account)]),
    );
  return value;
}

function moveTags(from: State, to: State, arn: string, account: string): void {
  const tags = tagStore(from).get(arn);
  if (tags === undefined) return;
  tagStore(to).set(rehome(arn, account) as string, tags);
  tagStore(from).delete(arn);
}

function moveEndpoint(
  home: State,
  to: State,
  endpoint: string,
  account: string,
  movedModels: Set<string>,
): void {
  const key = endpoint.toLowerCase();
  const ep = endpoints(home).get(key);
  if (!ep) return;
  endpoints(to).set(key, rehome(ep, account) as typeof ep);
  endpoints(home).delete(key);
  moveTags(home, to, ep.EndpointArn, account);
  for (const c of [rollouts, injectedFailures]) {
    const v = c(home).get(key);
    if (v !== undefined) {
      c(to).set(key, v as never);
      c(home).delete(key);
    }
  }
  for (const [k, cfg] of [...endpointConfigs(home).entries()]) {
    if (!k.startsWith(`${key}-v`)) continue;
    endpointConfigs(to).set(k, rehome(cfg, account) as typeof cfg);
    endpointConfigs(home).delete(k);
    moveTags(home, to, cfg.EndpointConfigArn, account);
    for (const v of cfg.ProductionVariants) {
      const name = typeof v.ModelName === "string" ? v.ModelName.toLowerCase() : undefined;
      const model = name ? models(home).get(name) : undefined;
      if (!name || !model) continue;
      models(to).set(name, rehome(model, account) as typeof model);
      const tags = tagStore(home).get(model.ModelArn);
      if (tags) tagStore(to).set(rehome(model.ModelArn, account) as string, tags);
      movedModels.add(name);
    }
  }
  const schedules = home.collection<JsonObject>("monitoring.schedules");
  const executions = home.collection<JsonObject>("monitoring.executions");
  for (const [k, s] of [...schedules.entries()]) {
    if (s.EndpointName !== endpoint) continue;
    to.collection<JsonObject>("monitoring.schedules").set(k, rehome(s, account) as JsonObject);
    schedules.delete(k);
    if (typeof s.MonitoringScheduleArn === "string") moveTags(home, to, s.MonitoringScheduleArn, account);
    for (const [ek, e] of [...executions.entries()])
      if (ek.startsWith(`${k}/`)) {
        to.collection<JsonObject>("monitoring.executions").set(ek, rehome(e, account) as JsonObject);
        executions.delete(ek);
      }
  }
}

/** The policy a development registry group carries when staging and production deploy from it. */
export function sharingPolicy(groupArn: string, accounts: string[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ShareWithStageAccounts",
        Effect: "Allow",
        Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) },
        Action: [
          "sagemaker:DescribeModelPackage",
          "sagemaker:ListModelPackages",
          "sagemaker:DescribeModelPackageGroup",
        ],
        Resource: [groupArn, `${groupArn.replace(":model-package-group/", ":model-package/")}/*`],
      },
    ],
  });
}

export function spreadAcrossAccounts(emulator: Emulator): void {
  const home = emulator.state;
  const movedModels = new Set<string>();
  const sharedGroups = new Set<string>();
  for (const s of SOLUTIONS) {
    if (s.key === SINGLE_ACCOUNT_SOLUTION) continue;
    const moves: [string | undefined, string][] = [
      [s.endpoints.staging, STAGING_ACCOUNT],
      [s.endpoints.production, PRODUCTION_ACCOUNT],
    ];
    for (const [endpoint, account] of moves)
      if (endpoint) moveEndpoint(home, emulator.stateOf(account), endpoint, account, movedModels);
  }
  // models now served from the stage accounts: gone from development unless a development config still uses them
  const stillUsed = new Set<string>();
  for (const cfg of endpointConfigs(home).values())
    for (const v of cfg.ProductionVariants)
      if (typeof v.ModelName === "string") stillUsed.add(v.ModelName.toLowerCase());
  for (const name of movedModels) {
    const m = models(home).get(name);
    const pkg = (m?.PrimaryContainer as JsonObject | undefined)?.ModelPackageName;
    if (typeof pkg === "string") sharedGroups.add(pkg.split(":model-package/")[1]?.split("/")[0] ?? "");
    if (m && !stillUsed.has(name)) {
      models(home).delete(name);
      tagStore(home).delete(m.ModelArn);
    }
  }
  for (const group of sharedGroups) {
    if (!group) continue;
    const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:model-package-group/${group}`;
    groupPolicies(home).set(group.toLowerCase(), sharingPolicy(arn, [STAGING_ACCOUNT, PRODUCTION_ACCOUNT]));
  }
}
