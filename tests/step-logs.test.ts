/**
 * Step logs through the app's route, against the real emulator's CloudWatch Logs: a failed step's traceback,
 * following a running step with the forward token, the filter applied by FilterLogEvents, and the three
 * "no logs" answers each with its own message.
 */
import {
  ListPipelineExecutionStepsCommand,
  ListPipelineExecutionsCommand,
  ListTrainingJobsCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { StepLogs } from "@/lib/pipelines/logs";
import { clientAs } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { emulatorCalls, waitFor } from "@/tests/helpers/wait";

const viewer: SessionUser = { id: "v", username: "v", name: "v", role: "viewer", provider: "credentials" };
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(viewer) }));
const logsRoute = await import("@/app/api/pipelines/[name]/executions/[id]/steps/[step]/logs/route");

const emu = emulatorFixture({ speed: 4, noCache: true });

async function get(p: { name: string; id: string; step: string }, q: Record<string, string> = {}) {
  const url = `http://127.0.0.1/api/pipelines/${p.name}/executions/${p.id}/steps/${p.step}/logs?${new URLSearchParams(q)}`;
  const res = await logsRoute.GET(new Request(url), { params: Promise.resolve(p) });
  return {
    status: res.status,
    body: (await res.json()) as StepLogs & { error?: { code: string; message: string } },
  };
}

/** A seeded execution whose training step failed: pipeline, execution id, step name, failure reason. */
async function failedTrainingStep() {
  const sm = clientAs(emu.url(), "admin");
  const jobs = await sm.send(
    new ListTrainingJobsCommand({ StatusEquals: "Failed", NameContains: "pipelines-", MaxResults: 100 }),
  );
  for (const j of jobs.TrainingJobSummaries ?? []) {
    const id = /^pipelines-([a-z0-9]+)-/.exec(j.TrainingJobName ?? "")?.[1];
    for (const name of [
      "churn-train",
      "fraud-xgboost",
      "fraud-graph",
      "recsys-train",
      "search-ranking-train",
    ]) {
      let token: string | undefined;
      do {
        const r = await sm
          .send(new ListPipelineExecutionsCommand({ PipelineName: name, MaxResults: 100, NextToken: token }))
          .catch(() => undefined);
        const e = r?.PipelineExecutionSummaries?.find((x) =>
          x.PipelineExecutionArn?.endsWith(`/execution/${id}`),
        );
        if (e?.PipelineExecutionArn) {
          const steps = await sm.send(
            new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: e.PipelineExecutionArn }),
          );
          const s = steps.PipelineExecutionSteps?.find((x) =>
            x.Metadata?.TrainingJob?.Arn?.endsWith(`/${j.TrainingJobName?.toLowerCase()}`),
          );
          if (s?.StepName) return { name, id: id ?? "", step: s.StepName, reason: s.FailureReason ?? "" };
        }
        token = r?.NextToken;
      } while (token);
    }
  }
  throw new Error("no seeded execution with a failed training step");
}

describe("step logs", () => {
  it("a failed step's logs end on the traceback with its failure reason", async () => {
    const f = await failedTrainingStep();
    const { status, body } = await get(f);
    expect(status).toBe(200);
    expect(body.state).toBe("ok");
    expect(body.stepStatus).toBe("Failed");
    expect(body.job.group).toBe("/aws/sagemaker/TrainingJobs");
    const messages = body.lines.map((l) => l.message);
    expect(messages).toContain("Traceback (most recent call last):");
    expect(messages.some((m) => m.includes(f.reason))).toBe(true);
    expect(body.consoleUrl).toBeUndefined();
  });

  it("applies the filter in CloudWatch Logs (FilterLogEvents), not by reading the stream", async () => {
    const f = await failedTrainingStep();
    const before = await emulatorCalls(emu.url());
    const { status, body } = await get(f, { filter: "Traceback" });
    const after = await emulatorCalls(emu.url());
    expect(status).toBe(200);
    expect(body.lines.map((l) => l.message)).toEqual(["Traceback (most recent call last):"]);
    expect((after["logs:FilterLogEvents"] ?? 0) - (before["logs:FilterLogEvents"] ?? 0)).toBe(1);
    expect((after["logs:GetLogEvents"] ?? 0) - (before["logs:GetLogEvents"] ?? 0)).toBe(0);
  });

  it("follows a running step: the forward token brings only the new lines, appended in order", async () => {
    const sm = clientAs(emu.url(), "scientist");
    const started = await sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: "churn-train",
        ClientRequestToken: `logs-follow-${Date.now()}-${"x".repeat(24)}`,
      }),
    );
    const id = started.PipelineExecutionArn?.split("/").pop() ?? "";
    const training = await waitFor(
      async () => {
        const steps = await sm.send(
          new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: started.PipelineExecutionArn }),
        );
        const s = steps.PipelineExecutionSteps?.find((x) => x.Metadata?.TrainingJob);
        return s?.StepName && s.StepStatus === "Executing" ? s.StepName : undefined;
      },
      { what: "the training step to run", timeoutMs: 60_000 },
    );
    const p = { name: "churn-train", id, step: training };
    const first = await waitFor(
      async () => {
        const r = await get(p);
        return r.body.state === "ok" && r.body.lines.length > 0 ? r.body : undefined;
      },
      { what: "the first log lines", timeoutMs: 60_000 },
    );
    const seen = first.lines.map((l) => l.message);
    let token = first.forwardToken ?? "";
    let growths = 0;
    let status = first.stepStatus;
    for (let i = 0; i < 2000 && status === "Executing"; i++) {
      const r = await get(p, { token });
      expect(r.status).toBe(200);
      if (r.body.lines.length > 0) growths++;
      else expect(r.body.forwardToken).toBe(token); // nothing new: the same token comes back
      seen.push(...r.body.lines.map((l) => l.message));
      token = r.body.forwardToken ?? token;
      status = r.body.stepStatus;
      await new Promise((res) => setTimeout(res, 100));
    }
    const rest = await get(p, { token });
    seen.push(...rest.body.lines.map((l) => l.message));
    expect(growths).toBeGreaterThanOrEqual(2);
    const whole = await get(p, { limit: "1000" });
    expect(seen).toEqual(whole.body.lines.map((l) => l.message));
    expect(seen.at(-1)).toBe("INFO:sagemaker-containers:Reporting training SUCCESS");
  }, 120_000);

  it("says clearly when logs may not be read, and when the log group does not exist", async () => {
    const f = await failedTrainingStep();
    await fetch(`${emu.url()}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        operation: "logs:DescribeLogStreams",
        errorRate: 1,
        count: 1,
        errorCode: "AccessDeniedException",
        message:
          "User: arn:aws:sts::123456789012:assumed-role/SageDeckRole/x is not authorized to perform: logs:DescribeLogStreams",
      }),
    });
    const denied = await get(f);
    expect(denied.status).toBe(403);
    expect(denied.body.error?.message).toContain("not allowed to read these logs");
    const { readStream } = await import("@/lib/sagemaker/logs/reads");
    const { LogGroupMissingError } = await import("@/lib/sagemaker/logs/errors");
    const missing = await readStream("/aws/sagemaker/TransformJobs", "x/algo-1-1", 10).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(LogGroupMissingError);
    expect((missing as Error).message).toContain("does not exist in this account");
  });
});
