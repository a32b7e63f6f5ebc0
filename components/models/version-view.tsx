"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountBadge } from "@/components/ui/account-badge";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { modelQueries } from "@/lib/query-options/models";
import type { VersionPage } from "@/lib/models/version";
import { StatusBadge } from "./approval-badge";
import { DecisionForm } from "./decision-form";
import { executionHref, experimentHref } from "./links";
import { OutsideBanner } from "./sagemaker-record";
import { ContradictionWarnings } from "./contradiction-warnings";
import { contradictions, servedStages } from "@/lib/approvals/contradictions";
import { StageActions } from "./stage-actions";
import { whyNot } from "@/lib/approvals/allowed";
import { lazyComponent } from "@/components/ui/lazy";

/*
 * The metrics table (with the data table's code), the lower panels and the production scaling line load apart
 * from the page (issue 18: the version page's first-load JS); the server still renders them, rows included.
 */
const MetricsTable = lazyComponent(() => import("./metrics-table").then((m) => m.MetricsTable));
const DecisionHistory = lazyComponent(() => import("./decision-history").then((m) => m.DecisionHistory));
const StageScaling = lazyComponent(() =>
  import("@/components/endpoints/stage-scaling").then((m) => m.StageScaling),
);
const DeployProgressPanel = lazyComponent(() =>
  import("@/components/deploy-pipelines/deploy-progress").then((m) => m.DeployProgressPanel),
);

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-0.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 break-all">{children}</dd>
    </div>
  );
}

function Deployments({ page }: { page: VersionPage }) {
  const rows = (["Staging", "Production"] as const).map((s) => ({ stage: s, e: page.stages[s] }));
  return (
    <ul className="space-y-1 text-sm" data-testid="deployments">
      {rows.map(({ stage, e }) => (
        <li key={stage}>
          <span className="font-medium">{stage}:</span>{" "}
          {!e ? (
            "no endpoint yet"
          ) : (
            <>
              {e.name} <AccountBadge account={e.account} /> ({e.status}) serves{" "}
              {e.servedArn === page.version.arn ? (
                <strong>this version</strong>
              ) : (
                `version ${e.servedArn?.split("/").pop() ?? "?"}`
              )}
              {e.failureReason ? ` — last rollout failed: ${e.failureReason}` : ""}
              {stage === "Production" ? <StageScaling endpoint={e.name} account={e.account} /> : null}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A model version: details, metrics, lineage, deployments, decisions, and what the user may do. */
export function VersionView({ group, version }: { group: string; version: number }) {
  const q = useQuery(modelQueries.version(group, version));
  if (q.isPending) return <LoadingBlock rows={6} label="Loading the model version" />;
  if (q.isError) return <ErrorState message={q.error.message} retry={() => void q.refetch()} />;
  const page = q.data;
  const v = page.version;
  const l = page.lineage;
  const a = page.allowedActions;
  const why = a.approve.allowed || a.reject.allowed ? undefined : whyNot(a.approve);
  const warnings = contradictions({
    ...v,
    servedBy: servedStages(v.arn, {
      Staging: page.stages.Staging?.servedArn,
      Production: page.stages.Production?.servedArn,
    }),
  });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ContradictionWarnings warnings={warnings} />
      <OutsideBanner outside={page.outside} />
      <Panel title="Details">
        <dl>
          <Row label="Approval">
            <StatusBadge status={v.approvalStatus} />
          </Row>
          <Row label="Stage">
            {v.stage ?? "Development"} {v.stageStatus ? `(${v.stageStatus})` : ""}
          </Row>
          <Row label="Registered">
            <TimeAgo at={v.createdAt} /> by {page.registeredBy ?? "unknown"}
            {page.registeredVia === "sagedeck" ? " (started the run in SageDeck)" : ""}
          </Row>
          <Row label="Approval note">
            {v.approvalDescription ??
              (v.approvalStatus === "PendingManualApproval"
                ? "—"
                : "none given (SageMaker's ApprovalDescription is empty)")}
          </Row>
          <Row label="Image">{v.image ?? "—"}</Row>
          <Row label="Model data">{v.modelDataUrl ?? "—"}</Row>
          <Row label="ARN">{v.arn}</Row>
        </dl>
      </Panel>
      <Panel title="Actions">
        {why ? <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{why}</p> : null}
        {a.approve.allowed || a.reject.allowed ? (
          <DecisionForm
            group={v.group}
            version={v.version}
            expectedStatus={v.approvalStatus}
            canApprove={a.approve.allowed}
            canReject={a.reject.allowed}
            reasonRequired={!a.approve.allowed || a.approve.reasonRequired !== false}
          />
        ) : null}
        <div className="mt-3">
          <StageActions page={page} />
        </div>
      </Panel>
      <Panel title="Metrics">
        <MetricsTable metrics={v.metrics} evidence={v.evidence} />
      </Panel>
      <Panel title="Lineage">
        {!v.generatedBy ? (
          <p className="text-sm">Registered by hand, not by a pipeline.</p>
        ) : !l ? (
          <p className="text-sm">The pipeline execution {v.generatedBy} no longer exists.</p>
        ) : (
          <dl>
            <Row label="Pipeline execution">
              <Link href={executionHref(l.executionArn) ?? "#"} className="text-sky-700 hover:underline">
                {l.pipelineName}
              </Link>{" "}
              · {l.executionStatus} · <TimeAgo at={l.startedAt} />
            </Row>
            <Row label="Quality gate">
              {l.gatePassed === undefined
                ? "none"
                : `${l.gateStep ?? "condition"} ${l.gatePassed ? "passed" : "failed"}`}
            </Row>
            <Row label="Training job">{l.trainingJobArn?.split("/").pop() ?? "—"}</Row>
            <Row label="Experiment run">
              {l.experimentName ? (
                <Link href={experimentHref(l.experimentName)} className="text-sky-700 hover:underline">
                  {l.experimentName} / {l.trialName ?? ""}
                </Link>
              ) : (
                "—"
              )}
            </Row>
          </dl>
        )}
      </Panel>
      <Panel title="Deployments">
        <Deployments page={page} />
      </Panel>
      <Panel title="Deploy pipeline">
        <DeployProgressPanel group={v.group} version={v.version} />
      </Panel>
      <Panel title="Decision history">
        <DecisionHistory history={page.history} version={v} outside={page.outside} />
      </Panel>
    </div>
  );
}
