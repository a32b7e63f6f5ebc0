/**
 * Deploy pipelines of the Reliable and Scalable solutions (seed 003's path): each gets the MLOps template's
 * modeldeploy CodePipeline (source, build, staging deploy + tests, manual approval, production deploy) and its
 * past executions, rebuilt from the staging and production deployments the registry seeder made: a staged
 * version later served in production → an approved execution; one never promoted → a rejected gate or failed
 * staging tests; the newest staged version, if not promoted and staged within 7 days, waits at the gate now.
 * Records are written directly (no actions re-run), so the history is deterministic and costs nothing.
 */
import type { SeedEnv } from "./env";
import { SOLUTIONS, type SolutionSpec } from "./org";
import { ACCOUNT_ID } from "../core/arn";
import type { Ctx } from "../core/context";
import { endpointConfigs } from "../ops/deploy/store";
import { groups } from "../ops/registry/store";
import { addTags } from "../core/tags";
import {
  executions,
  active,
  execKey,
  uuid,
  type ActionRun,
  type ExecutionRecord,
} from "../codepipeline/store";
import { PIPELINE_TAG } from "../codepipeline/trigger";
import { person } from "./registry/common";
import { declaration, type Where } from "./deploy-pipeline-declaration";

const DAY = 86_400;
const HOUR = 3600;
const REJECTIONS = [
  "p99 latency on staging above the 120 ms budget",
  "precision dropped on the holdout segment; retrain with the new features",
  "calibration drift against production; needs a second look",
];

/** The account whose state holds an endpoint (staging and production move there under EMULATOR_DEMO_ACCOUNTS). */
function accountOf(env: SeedEnv, endpoint: string): string {
  const prefix = `${endpoint}-v`.toLowerCase();
  const holds = (a: string) =>
    [...endpointConfigs(env.emulator.stateOf(a)).keys()].some((k) => k.startsWith(prefix));
  return env.emulator.activeAccounts().find(holds) ?? ACCOUNT_ID;
}

/** `<endpoint>-v<N>` configs → version N → when it was first deployed there. */
function deployments(env: SeedEnv, account: string, endpoint: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of endpointConfigs(env.emulator.stateOf(account)).values()) {
    const m = new RegExp(`^${endpoint}-v(\\d+)$`).exec(c.EndpointConfigName);
    if (m) out.set(Number(m[1]), c.CreationTime);
  }
  return out;
}

export function pipelineNameOf(s: SolutionSpec): string {
  return s.project ? `sagemaker-${s.project.name}-modeldeploy` : `${s.key}-modeldeploy`;
}

export async function seedDeployPipelines(env: SeedEnv): Promise<void> {
  for (const s of SOLUTIONS) {
    if ((s.phase !== "Reliable" && s.phase !== "Scalable") || !s.endpoints.staging || !s.endpoints.production)
      continue;
    const group = s.pipelines[0]?.modelPackageGroup;
    if (!group) continue;
    const where: Where = {
      staging: accountOf(env, s.endpoints.staging),
      production: accountOf(env, s.endpoints.production),
    };
    const staged = deployments(env, where.staging, s.endpoints.staging);
    const prod = deployments(env, where.production, s.endpoints.production);
    const first = Math.min(...staged.values());
    const name = pipelineNameOf(s);
    const admin = env.as(s.approvers[0] ?? "admin", first - 2 * DAY);
    await admin.call("codepipeline:CreatePipeline", {
      pipeline: declaration(s, name, group, where),
      tags: [{ key: "team", value: s.team }],
    });
    const g = groups(admin.state).get(group.toLowerCase());
    if (!s.project && g) addTags(admin.state, g.ModelPackageGroupArn, [{ Key: PIPELINE_TAG, Value: name }]);
    const order = [...staged.entries()].sort((a, b) => a[1] - b[1]);
    order.forEach(([version, at], i) => {
      const last = i === order.length - 1;
      const promoted = prod.get(version);
      const outcome =
        promoted !== undefined && promoted > at
          ? { kind: "approved" as const, at: promoted }
          : last && at > env.anchor - 6 * DAY
            ? { kind: "waiting" as const }
            : i % 3 === 1
              ? { kind: "tests" as const }
              : { kind: "rejected" as const, reason: REJECTIONS[i % REJECTIONS.length] ?? "" };
      write(admin, env, s, name, group, version, at, outcome, where);
    });
  }
}

type Outcome =
  | { kind: "approved"; at: number }
  | { kind: "waiting" }
  | { kind: "tests" }
  | { kind: "rejected"; reason: string };

function write(
  ctx: Ctx,
  env: SeedEnv,
  s: SolutionSpec,
  name: string,
  group: string,
  version: number,
  stagedAt: number,
  outcome: Outcome,
  where: Where,
): void {
  const approver = s.approvers[version % Math.max(1, s.approvers.length)] ?? "admin";
  const approverArn = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/SageDeckRole/${approver}`;
  const pkg = `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:model-package/${group}/${version}`;
  const start = stagedAt - 25 * 60;
  const runs: ActionRun[] = [];
  const run = (stage: string, action: string, from: number, to: number, extra: Partial<ActionRun> = {}) =>
    runs.push({
      stageName: stage,
      actionName: action,
      actionExecutionId: uuid(ctx),
      status: "Succeeded",
      startTime: from,
      lastUpdateTime: to,
      externalExecutionId: uuid(ctx),
      ...extra,
    });
  run("Source", "ModelDeployInfraCode", start, start + 15);
  run("Build", "BuildDeploymentTemplates", start + 15, stagedAt - 10);
  const deployed = (stage: "staging" | "prod", account: string) => ({
    outputVariables: {
      EndpointName: stage === "staging" ? (s.endpoints.staging ?? "") : (s.endpoints.production ?? ""),
      EndpointAccount: account,
      ModelPackageArn: pkg,
    },
  });
  run(
    "DeployStaging",
    "DeployResourcesStaging",
    stagedAt - 10,
    stagedAt + 120,
    deployed("staging", where.staging),
  );
  const tested = stagedAt + 300;
  const failedTests = outcome.kind === "tests";
  run(
    "DeployStaging",
    "TestStaging",
    stagedAt + 120,
    tested,
    failedTests
      ? {
          status: "Failed",
          errorDetails: {
            code: "JobFailed",
            message: "Staging tests failed: 3 of 42 assertions (accuracy on the staging endpoint below 0.8).",
          },
        }
      : {},
  );
  let status: ExecutionRecord["status"] = failedTests ? "Failed" : "InProgress";
  let end = tested;
  if (outcome.kind === "approved") {
    const decided = Math.max(tested + 60, outcome.at - 10 * 60);
    run("DeployStaging", "ApproveDeployment", tested, decided, {
      summary: `Approved by ${person(approver)}: staging metrics and latency within budget.`,
      updatedBy: approverArn,
      token: uuid(ctx),
    });
    run(
      "DeployProd",
      "DeployResourcesProd",
      decided,
      Math.max(decided + 120, outcome.at + 120),
      deployed("prod", where.production),
    );
    status = "Succeeded";
    end = Math.max(decided + 120, outcome.at + 120);
  } else if (outcome.kind === "rejected") {
    const decided = tested + HOUR + Math.floor(env.random() * 20 * HOUR);
    run("DeployStaging", "ApproveDeployment", tested, decided, {
      status: "Failed",
      summary: outcome.reason,
      updatedBy: approverArn,
      token: uuid(ctx),
      errorDetails: { code: "JobFailed", message: `Rejected: ${outcome.reason}` },
    });
    status = "Failed";
    end = decided;
  } else if (outcome.kind === "waiting")
    run("DeployStaging", "ApproveDeployment", tested, tested, {
      status: "InProgress",
      token: uuid(ctx),
      dueAt: tested + 7 * DAY,
    });
  const stages: ExecutionRecord["stages"] = [
    { stageName: "Source", status: "Succeeded", startTime: start, runOrder: 1 },
    { stageName: "Build", status: "Succeeded", startTime: start + 15, runOrder: 1 },
    {
      stageName: "DeployStaging",
      status: outcome.kind === "approved" ? "Succeeded" : status === "Failed" ? "Failed" : "InProgress",
      startTime: stagedAt - 10,
      runOrder: failedTests ? 2 : 3,
    },
  ];
  if (outcome.kind === "approved")
    stages.push({ stageName: "DeployProd", status: "Succeeded", startTime: end - 130, runOrder: 1 });
  const e: ExecutionRecord = {
    pipelineName: name,
    pipelineVersion: 1,
    pipelineExecutionId: uuid(ctx),
    status,
    startTime: start,
    lastUpdateTime: end,
    trigger: {
      triggerType: "CloudWatchEvent",
      triggerDetail: `arn:aws:events:us-east-1:${ACCOUNT_ID}:rule/${name}-trigger`,
    },
    executionMode: "SUPERSEDED",
    modelPackageArn: pkg,
    stages,
    actions: runs,
  };
  const k = execKey(name, e.pipelineExecutionId);
  executions(ctx.state).set(k, e);
  if (status === "InProgress") active(ctx.state).set(k, true);
}
