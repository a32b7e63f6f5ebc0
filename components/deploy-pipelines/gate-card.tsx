"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LiveFieldset } from "@/components/ui/live-fieldset";
import { TimeAgo } from "@/components/ui/time-ago";
import type { InboxGate } from "@/lib/deploy-pipelines/inbox-gates";
import { useActionKey } from "@/lib/query-options/action-key";
import { postDecision } from "@/lib/query-options/approvals";
import { deployPipelineQueries } from "@/lib/query-options/deploy-pipelines";
import { modelQueries } from "@/lib/query-options/models";

/** One deploy gate waiting: the version, its staging endpoint and tests, the gate's age; approve or reject with a reason. */
export function GateCard({ gate }: { gate: InboxGate }) {
  const qc = useQueryClient();
  const key = useActionKey();
  const [reason, setReason] = useState("");
  const answer = useMutation({
    mutationFn: (a: "approve" | "reject") =>
      postDecision(
        "/api/approvals/gates",
        {
          pipeline: gate.pipeline,
          executionId: gate.executionId,
          stage: gate.stage,
          action: gate.action,
          token: gate.token,
          answer: a,
          reason,
        },
        key.get(),
      ),
    onSettled: async (_d, error) => {
      key.settle(error);
      await Promise.all([
        qc.invalidateQueries({ queryKey: deployPipelineQueries.all }),
        qc.invalidateQueries({ queryKey: modelQueries.all }),
      ]);
    },
  });
  const v = gate.version;
  return (
    <li
      className="rounded-lg border border-amber-300 p-4 text-sm dark:border-amber-800"
      data-testid={`gate-${gate.pipeline}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          Deploy gate {gate.stage}/{gate.action} ·{" "}
          {v ? (
            <Link
              href={`/models/${encodeURIComponent(v.group)}/${v.version}`}
              className="text-sky-700 hover:underline"
            >
              {v.group} version {v.version}
            </Link>
          ) : (
            "unknown version"
          )}
        </h3>
        <span className="text-slate-500">
          waiting <TimeAgo at={gate.waitingSince} /> · pipeline {gate.pipeline}
        </span>
      </div>
      <p className="mt-1">
        Staging endpoint:{" "}
        {gate.staging
          ? `${gate.staging.name}${gate.staging.account ? ` in ${gate.staging.account}` : ""} (deploy ${gate.staging.status})`
          : "—"}{" "}
        · tests:{" "}
        {gate.tests.length === 0 ? "none" : gate.tests.map((t) => `${t.action} ${t.status}`).join(", ")}
        {gate.registeredBy ? ` · registered by ${gate.registeredBy}` : ""}
        {gate.registryApprover ? ` · approved in the registry by ${gate.registryApprover}` : ""}
        {gate.consoleUrl ? (
          <>
            {" · "}
            <a
              href={gate.consoleUrl}
              className="text-sky-700 hover:underline"
              target="_blank"
              rel="noreferrer"
            >
              open in the AWS console
            </a>
          </>
        ) : null}
      </p>
      {gate.allowed.allowed ? (
        <form className="mt-2" onSubmit={(e) => e.preventDefault()}>
          <LiveFieldset className="flex flex-wrap items-end gap-2">
            <label className="flex grow flex-col">
              {gate.allowed.reasonRequired === false
                ? "Reason (optional to approve, required to reject)"
                : "Reason (required)"}
              <input
                aria-label="Gate reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              />
            </label>
            <Button type="button" disabled={answer.isPending} onClick={() => answer.mutate("approve")}>
              Approve deployment
            </Button>
            <Button type="button" disabled={answer.isPending} onClick={() => answer.mutate("reject")}>
              Reject deployment
            </Button>
          </LiveFieldset>
        </form>
      ) : (
        <p className="mt-2 text-slate-600 dark:text-slate-400">{gate.allowed.reason}</p>
      )}
      {answer.isError ? (
        <p className="mt-1 text-red-700" role="alert">
          {answer.error.message}
        </p>
      ) : null}
      {answer.isSuccess ? <p className="mt-1 text-emerald-700">Answered.</p> : null}
    </li>
  );
}
