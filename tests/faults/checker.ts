/**
 * The fault suite's checker: after a mix, compares every decision and run record of the mix with SageMaker's
 * actual state — the emulator's trail (its CloudTrail: which writes took effect, with their parameters) and reads
 * through the SDK (approval status, the endpoint's served config, the executions that exist) — and counts:
 * - lost: SageMaker changed, but the record is not applied (failed or still pending);
 * - phantom: the record is applied, but SageMaker never got the write;
 * - double-applied: more than one effective SageMaker write for one decision or run action (the same client token
 *   resent is one write; UpdateEndpoint has no token, so each one is a deployment);
 * - disagree: SageMaker's current state is not what the latest applied record says;
 * - audited once: finished changes with exactly one audit row (pending ones must have none);
 * - unresolved: records still pending or deploying after the settle time.
 */
import {
  DescribeEndpointCommand,
  DescribeModelPackageCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { configNameFor } from "@/lib/approvals/rollout";
import { queryRows } from "@/tests/helpers/db-faults";

export interface MixScope {
  /** short name used in the summary line, e.g. "a: 20% throttling + 5xx" */
  name: string;
  /** the model groups only this mix decides on */
  groups: string[];
  /** the Idempotency-Key prefix of this mix's run actions (their display names start with it too) */
  keyPrefix: string;
  /** the pipelines this mix starts runs of */
  pipelines: string[];
}

export interface Counts {
  decisions: number;
  runActions: number;
  lost: number;
  phantom: number;
  doubleApplied: number;
  disagree: number;
  finished: number;
  auditedOnce: number;
  unresolved: number;
  /** one line per defect: what, which record, its state and outcome */
  defects: string[];
}

interface DecisionRecord {
  id: string;
  action: string;
  state: string;
  outcome: string | null;
  group_name: string;
  version: number;
  model_package_arn: string;
  to_status: string;
  endpoint_name: string | null;
  endpoint_config_name: string | null;
  completed_at: Date | null;
  created_at: Date;
}

interface RunRecord {
  id: string;
  action: string;
  state: string;
  outcome: string | null;
  pipeline_name: string;
  execution_arn: string | null;
  client_request_token: string;
  display_name: string | null;
}

interface TrailEvent {
  eventName: string;
  errorCode?: string;
  requestParameters?: Record<string, unknown>;
}

const UNFINISHED = ["pending", "deploying"];

async function records(dbUrl: string, scope: MixScope) {
  const decisions = await queryRows<DecisionRecord>(
    dbUrl,
    "SELECT * FROM decisions WHERE group_name = ANY($1) AND gate IS NULL ORDER BY created_at",
    [scope.groups],
  );
  const runs = await queryRows<RunRecord>(
    dbUrl,
    "SELECT * FROM pipeline_run_actions WHERE idempotency_key LIKE $1 ORDER BY created_at",
    [`${scope.keyPrefix}%`],
  );
  return { decisions, runs };
}

/**
 * Waits until no record of the mix is pending or deploying (the reconcilers' work), calling `poke` for deploying
 * decisions as the decision page does; gives up after `timeoutMs` (what is left counts as unresolved).
 */
export async function settle(
  dbUrl: string,
  scope: MixScope,
  opts: { timeoutMs: number; poke?: (decisionId: string) => Promise<unknown> },
): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const { decisions, runs } = await records(dbUrl, scope);
    const open = [...decisions, ...runs].filter((r) => UNFINISHED.includes(r.state));
    if (open.length === 0 || Date.now() - t0 > opts.timeoutMs) return Date.now() - t0;
    const deploying = decisions.filter((d) => d.state === "deploying");
    const poke = opts.poke ?? (() => Promise.resolve());
    await Promise.all(deploying.map((d) => poke(d.id).catch(() => undefined)));
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export async function check(dbUrl: string, emulatorUrl: string, scope: MixScope): Promise<Counts> {
  const sm = new SageMakerClient({
    region: "us-east-1",
    endpoint: emulatorUrl,
    credentials: { accessKeyId: "fault-checker", secretAccessKey: "test-secret" },
    maxAttempts: 4,
  });
  const { decisions, runs } = await records(dbUrl, scope);
  const trail = (
    (await (await fetch(`${emulatorUrl}/_emulator/trail`)).json()) as { events: TrailEvent[] }
  ).events.filter((e) => !e.errorCode);
  const c: Counts = {
    decisions: decisions.length,
    runActions: runs.length,
    lost: 0,
    phantom: 0,
    doubleApplied: 0,
    disagree: 0,
    finished: 0,
    auditedOnce: 0,
    unresolved: 0,
    defects: [],
  };
  const defect = (kind: keyof Counts, what: string) => {
    (c[kind] as number) += 1;
    c.defects.push(`${kind}: ${what}`);
  };
  const rp = (e: TrailEvent, k: string): string | undefined => {
    const v = e.requestParameters?.[k];
    return typeof v === "string" ? v : undefined;
  };
  const describe = (d: DecisionRecord) =>
    `decision ${d.id} ${d.action} ${d.group_name} v${d.version} is ${d.state} (${d.outcome ?? "no outcome"})`;

  // decisions: the writes that took effect for each one
  for (const d of decisions) {
    let effective: number;
    if (d.action === "approve" || d.action === "reject") {
      const writes = trail.filter(
        (e) =>
          e.eventName === "UpdateModelPackage" &&
          rp(e, "ModelPackageArn") === d.model_package_arn &&
          rp(e, "ModelApprovalStatus") !== undefined &&
          (rp(e, "ApprovalDescription") ?? "").includes(d.id),
      );
      effective = new Set(writes.map((e, i) => rp(e, "ClientToken") ?? `untokened-${i}`)).size;
    } else {
      const config = d.endpoint_config_name ?? configNameFor(d.endpoint_name ?? "", d.id);
      effective = trail.filter(
        (e) =>
          (e.eventName === "UpdateEndpoint" || e.eventName === "CreateEndpoint") &&
          rp(e, "EndpointConfigName") === config,
      ).length;
    }
    if (UNFINISHED.includes(d.state)) c.unresolved += 1;
    if (effective > 0 && d.state !== "applied") defect("lost", `${describe(d)}; SageMaker got it`);
    if (effective === 0 && d.state === "applied") defect("phantom", `${describe(d)}; SageMaker never got it`);
    if (effective > 1) defect("doubleApplied", `${describe(d)}; ${effective} SageMaker writes`);
  }

  // decisions: SageMaker's current state is the latest applied record's
  const latest = new Map<string, DecisionRecord>();
  for (const d of decisions.filter((x) => x.state === "applied")) {
    const key =
      d.action === "approve" || d.action === "reject"
        ? `approval:${d.model_package_arn}`
        : `ep:${d.endpoint_name}`;
    const prev = latest.get(key);
    // one decision at a time per subject (the guard): the order they were made in is the order SageMaker got them
    if (!prev || d.created_at > prev.created_at) latest.set(key, d);
  }
  for (const [key, d] of latest) {
    if (key.startsWith("approval:")) {
      const v = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: d.model_package_arn }));
      if (v.ModelApprovalStatus !== d.to_status)
        defect("disagree", `${describe(d)}; SageMaker shows ${v.ModelApprovalStatus}`);
    } else {
      const e = await sm.send(new DescribeEndpointCommand({ EndpointName: d.endpoint_name ?? "" }));
      const config = d.endpoint_config_name ?? configNameFor(d.endpoint_name ?? "", d.id);
      if (e.EndpointConfigName !== config)
        defect("disagree", `${describe(d)}; ${d.endpoint_name} serves config ${e.EndpointConfigName}`);
    }
  }

  // runs: the executions of this mix that exist (a start's display name is its Idempotency-Key)
  const executions = new Map<string, string[]>();
  for (const pipeline of scope.pipelines) {
    let token: string | undefined;
    do {
      const page = await sm.send(
        new ListPipelineExecutionsCommand({ PipelineName: pipeline, MaxResults: 100, NextToken: token }),
      );
      for (const e of page.PipelineExecutionSummaries ?? []) {
        const name = e.PipelineExecutionDisplayName ?? "";
        if (!name.startsWith(scope.keyPrefix)) continue;
        executions.set(name, [...(executions.get(name) ?? []), e.PipelineExecutionArn ?? ""]);
      }
      token = page.NextToken;
    } while (token);
  }
  const startNames = new Set(runs.filter((r) => r.action === "start").map((r) => r.display_name));
  for (const [name, arns] of executions) {
    if (!startNames.has(name))
      defect("lost", `execution(s) ${arns.join(", ")} "${name}" without a start record`);
  }
  const describeRun = (r: RunRecord) =>
    `run action ${r.id} ${r.action} ${r.pipeline_name} ${r.execution_arn?.split("/").pop() ?? "(no execution)"} is ${r.state} (${r.outcome ?? "no outcome"})`;
  for (const r of runs) {
    if (UNFINISHED.includes(r.state)) c.unresolved += 1;
    if (r.action === "start") {
      const arns = executions.get(r.display_name ?? "") ?? [];
      if (arns.length > 1) defect("doubleApplied", `${describeRun(r)}; ${arns.length} executions`);
      if (r.state === "applied" && !arns.includes(r.execution_arn ?? ""))
        defect("phantom", `${describeRun(r)}; no such execution in SageMaker`);
      if (r.state !== "applied" && arns.length > 0)
        defect("lost", `${describeRun(r)}; SageMaker ran ${arns[0]}`);
      continue;
    }
    const op = r.action === "stop" ? "StopPipelineExecution" : "RetryPipelineExecution";
    const writes = trail.filter(
      (e) => e.eventName === op && rp(e, "PipelineExecutionArn") === r.execution_arn,
    );
    const ours = writes.filter((e) => rp(e, "ClientRequestToken") === r.client_request_token);
    const tokens = new Set(writes.map((e) => rp(e, "ClientRequestToken") ?? "none"));
    if (tokens.size > 1) defect("doubleApplied", `${describeRun(r)}; ${tokens.size} ${op} requests`);
    if (r.state === "applied" && ours.length === 0)
      defect("phantom", `${describeRun(r)}; SageMaker never got it`);
    if (r.state !== "applied" && ours.length > 0) defect("lost", `${describeRun(r)}; SageMaker got it`);
    if (r.state === "applied" && r.action === "stop") {
      const e = await sm.send(
        new DescribePipelineExecutionCommand({ PipelineExecutionArn: r.execution_arn ?? "" }),
      );
      if (!["Stopping", "Stopped"].includes(e.PipelineExecutionStatus ?? ""))
        defect("disagree", `${describeRun(r)}; SageMaker shows ${e.PipelineExecutionStatus}`);
    }
  }

  // audit: exactly one row per finished change, none for an unfinished one
  const audit = await queryRows<{ id: string; n: number }>(
    dbUrl,
    `SELECT coalesce(details->>'decisionId', details->>'runActionId') AS id, count(*)::int AS n
       FROM audit_events
      WHERE details->>'decisionId' = ANY($1) OR details->>'runActionId' = ANY($1)
      GROUP BY 1`,
    [[...decisions.map((d) => d.id), ...runs.map((r) => r.id)]],
  );
  const auditOf = new Map(audit.map((a) => [a.id, a.n]));
  for (const r of [...decisions, ...runs]) {
    const n = auditOf.get(r.id) ?? 0;
    if (UNFINISHED.includes(r.state)) {
      if (n > 0) c.defects.push(`audit: unfinished ${r.action} ${r.id} has ${n} audit rows`);
      continue;
    }
    c.finished += 1;
    if (n === 1) c.auditedOnce += 1;
    else c.defects.push(`audit: ${r.action} ${r.id} (${r.state}) has ${n} audit rows`);
  }
  return c;
}

/** The one-line summary the lead quotes. */
export function summary(scope: MixScope, c: Counts, extra = ""): string {
  return (
    `fault mix ${scope.name}: ${c.decisions} decisions, ${c.runActions} run actions | lost ${c.lost}, ` +
    `phantom ${c.phantom}, double-applied ${c.doubleApplied}, disagree ${c.disagree}, audited once ` +
    `${c.auditedOnce}/${c.finished}, unresolved ${c.unresolved}${extra ? ` | ${extra}` : ""}`
  );
}
