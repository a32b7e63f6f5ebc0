/**
 * L-5 "Deployment automated" and the deployment-frequency KPI from deploy pipeline executions, against the real
 * emulator's three demo accounts (EMULATOR_DEMO_ACCOUNTS=1): fraud detection's production endpoint carries no
 * stack or project tags, but its group (mlops:deploy-pipeline) is deployed by fraud-detection-modeldeploy, whose
 * seeded executions include succeeded ones → pass; churn deploys by hand → fail. Each production deployment the
 * pipeline made is counted once (its endpoint config falls within the execution's span). CodePipeline that cannot
 * be read makes L-5 Unknown.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Collection } from "@/lib/maturity-report/collect";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { THREE_ACCOUNTS } from "@/tests/helpers/demo-accounts";

let emu: RunningEmulator | undefined;
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_ACCOUNTS = JSON.stringify(THREE_ACCOUNTS);
  process.env.SAGEMAKER_CACHE_TTL_MS = "0";
  process.env.DATABASE_URL = "";
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-maturity-cp-"));
}, 120_000);
afterAll(async () => {
  const violations = (await emu?.violations()) ?? [];
  await emu?.stop();
  expect(violations).toEqual([]);
});

async function collect(): Promise<Collection> {
  const { collectMaturity } = await import("@/lib/maturity-report/collect");
  return collectMaturity();
}

async function l5(c: Collection, solution: string) {
  const { assessOrganisation } = await import("@/lib/maturity/assess");
  return assessOrganisation(c.solutions, c.orgProjects)
    .find((a) => a.key === solution)
    ?.checks.find((x) => x.id === "L-5");
}

describe("L-5 with deploy pipeline evidence", () => {
  it("passes for fraud detection (deployed by its deploy pipeline) and fails for churn (by hand)", async () => {
    const c = await collect();
    const risk = c.solutions.find((s) => s.key === "risk");
    // its production endpoint was not created by a stack or a project: the pipeline is the evidence
    const prod = risk?.endpoints.ok ? risk.endpoints.value.filter((e) => e.stage === "prod") : [];
    expect(prod.map((e) => [e.ref.id, e.automated])).toEqual([["fraud-detection-prod", false]]);
    expect(risk?.deployPipelines?.ok && risk.deployPipelines.value.map((p) => [p.ref.id, p.groups])).toEqual([
      ["fraud-detection-modeldeploy", ["fraud-xgboost"]],
    ]);

    const fraud = await l5(c, "risk");
    expect(fraud?.status, fraud?.observed).toBe("pass");
    expect(fraud?.evidence.map((e) => e.label)).toEqual([
      expect.stringMatching(
        /^fraud-detection-prod: deployed by fraud-detection-modeldeploy \(execution \S{8} succeeded\)$/,
      ),
    ]);
    const churn = await l5(c, "growth");
    expect(churn?.status, churn?.observed).toBe("fail");
    expect(churn?.evidence.map((e) => e.label)).toEqual([
      "churn-prod: no stack, project or succeeded deploy pipeline execution",
    ]);
  }, 90_000);

  it("counts each pipeline deployment to production once", async () => {
    const c = await collect();
    const { computeKpis } = await import("@/lib/maturity/kpis");
    const { succeededRuns } = await import("@/lib/maturity/pipeline-deployments");
    const risk = c.solutions.find((s) => s.key === "risk");
    if (!risk?.deployPipelines?.ok || !risk.deployments.ok) throw new Error("fraud detection not collected");
    const since = c.now - 90 * 86_400_000;
    const runs = succeededRuns(risk.deployPipelines.value, since, c.now);
    expect(runs.length).toBeGreaterThan(0);
    const configs = risk.deployments.value.filter(
      (d) => d.stage === "prod" && !d.rollback && d.at >= since && d.at <= c.now,
    );
    const freq = (s: typeof risk) => computeKpis([s], c.now, 90).find((k) => k.id === "deploymentFrequency");
    // without the pipelines: the endpoint configs, approx; with them: the executions, each once, exact
    const before = freq({ ...risk, deployPipelines: undefined });
    expect(before?.n).toBe(configs.length);
    expect(before?.approx).toBe(true);
    const after = freq(risk);
    expect(after?.n).toBe(runs.length);
    expect(after?.approx).toBe(false);
  }, 90_000);

  it("is Unknown when the deploy pipelines cannot be read", async () => {
    const url = emu?.url ?? "";
    await fetch(`${url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({
        operation: "codepipeline:ListPipelineExecutions",
        errorCode: "AccessDeniedException",
        status: 400,
        message: "not authorized",
      }),
    });
    try {
      // the executions read by the tests above are still fresh (5 s): read them again
      const { getReadCache } = await import("@/lib/sagemaker/call");
      getReadCache().clear();
      const fraud = await l5(await collect(), "risk");
      expect(fraud?.status).toBe("unknown");
      expect(fraud?.observed).toContain("may not call codepipeline:ListPipelineExecutions");
    } finally {
      await fetch(`${url}/_emulator/faults`, { method: "DELETE" });
    }
  }, 90_000);
});
