/**
 * A version's metrics come from where real pipelines put them: the S3 reports ModelMetrics points to (read
 * over the emulator's S3 REST API), plus `metric:*` metadata, each number with its source; a report that
 * cannot be read is a state of that version, never a broken page.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { S3Client } from "@aws-sdk/client-s3";
import { CreateModelPackageCommand, type ModelMetrics } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getInbox } from "@/lib/approvals/inbox";
import { getDb } from "@/lib/db";
import { listGroupVersions } from "@/lib/models/groups";
import { METADATA_SOURCE } from "@/lib/models/metric-types";
import { versionEvidence } from "@/lib/models/metrics";
import { getVersionPage } from "@/lib/models/version";
import { createReportReader } from "@/lib/sagemaker/reports/read";
import { describeModelVersion, listModelVersions } from "@/lib/sagemaker/registry/reads";
import { clientAs, createGroup, user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { emulatorCalls } from "@/tests/helpers/wait";

const emu = emulatorFixture({ dataDir: "sagedeck-metrics-" });
const viewer = user("vic", "viewer");
const GROUP = "metrics-probe";

async function register(opts: { metrics?: ModelMetrics; meta?: Record<string, string> }): Promise<number> {
  const r = await clientAs(emu.url(), "sam").send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: GROUP,
      ModelApprovalStatus: "PendingManualApproval",
      InferenceSpecification: {
        Containers: [{ Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1" }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
      },
      ...(opts.metrics ? { ModelMetrics: opts.metrics } : {}),
      ...(opts.meta ? { CustomerMetadataProperties: opts.meta } : {}),
    }),
  );
  return Number(r.ModelPackageArn?.split("/").pop());
}

const quality = (uri: string): ModelMetrics => ({
  ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: uri } },
});
const s3GetObjects = async () => (await emulatorCalls(emu.url()))["s3:GetObject"] ?? 0;
const resetStats = () => fetch(`${emu.url()}/_emulator/stats/reset`, { method: "POST" });

beforeAll(async () => {
  await createGroup(emu.url(), GROUP, "probe");
});

describe("metrics from ModelMetrics reports (real emulator over HTTP)", () => {
  it("fraud versions (ModelMetrics only, no metric:*) show the report's metrics with the report as source", async () => {
    const inbox = await getInbox(await getDb(), viewer, { group: "fraud-xgboost" });
    expect(inbox.items.length).toBeGreaterThan(0);
    for (const { version } of inbox.items) {
      const uri = version.metricReports[0]?.uri ?? "";
      expect(uri).toMatch(/^s3:\/\/.+evaluation\.json$/);
      expect(version.metrics.auc).toBeGreaterThan(0.5);
      expect(version.metrics.logloss).toBeGreaterThan(0);
      const auc = version.evidence.metrics.find((m) => m.name === "auc");
      expect(auc?.sources).toEqual([`report: ${uri}`]);
      expect(auc?.standardDeviation).toBeGreaterThan(0);
      expect(version.evidence.reports).toEqual([
        expect.objectContaining({ section: "ModelQuality.Statistics", uri, status: "read", metricCount: 2 }),
      ]);
    }
  });

  it("a metric:* version keeps its metadata source; a version with both lists both", async () => {
    const onlyMeta = await register({ meta: { "metric:auc": "0.81", "metric:f1": "0.7" } });
    const page = await getVersionPage(await getDb(), viewer, GROUP, onlyMeta);
    expect(page.version.metrics).toEqual({ auc: 0.81, f1: 0.7 });
    expect(page.version.evidence.metrics.every((m) => m.sources.join() === METADATA_SOURCE)).toBe(true);

    const churn = (await listModelVersions({ group: "churn-xgboost", limit: 1 })).items[0];
    const both = await getVersionPage(await getDb(), viewer, "churn-xgboost", churn?.version ?? 0);
    const auc = both.version.evidence.metrics.find((m) => m.name === "auc");
    expect(auc?.sources).toEqual([`report: ${both.version.metricReports[0]?.uri}`, METADATA_SOURCE]);
  });

  it("a missing key and a missing bucket each show as a missing report; the page still answers", async () => {
    const noKey = "s3://sagedeck-risk-ml/fraud-detection-train/gone/evaluation.json";
    const noBucket = "s3://sagedeck-no-such-bucket/evaluation/evaluation.json";
    for (const uri of [noKey, noBucket]) {
      const v = await register({ metrics: quality(uri), meta: { "metric:auc": "0.77" } });
      const page = await getVersionPage(await getDb(), viewer, GROUP, v);
      expect(page.version.evidence.reports).toEqual([
        expect.objectContaining({ status: "missing", message: `evaluation report missing: ${uri}` }),
      ]);
      expect(page.version.metrics).toEqual({ auc: 0.77 }); // the metadata still shows
    }
  });

  it("an AccessDenied report shows as unreadable on that version only", async () => {
    const [a, b] = (await listModelVersions({ group: "fraud-graph", limit: 2 })).items;
    const fault = { operation: "s3:GetObject", errorCode: "AccessDenied", status: 403, count: 1 };
    await fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(fault) });
    const denied = await getVersionPage(await getDb(), viewer, "fraud-graph", a?.version ?? 0);
    const fine = await getVersionPage(await getDb(), viewer, "fraud-graph", b?.version ?? 0);
    expect(denied.version.evidence.reports[0]).toMatchObject({ status: "denied" });
    expect(denied.version.evidence.reports[0]?.message).toMatch(
      /^evaluation report unreadable \(access denied\): s3:/,
    );
    expect(denied.version.metrics).toEqual({});
    expect(fine.version.evidence.reports[0]?.status).toBe("read");
    expect(fine.version.metrics.auc).toBeGreaterThan(0);
  });

  it("reads a version's report once however often it is shown; a page of versions reads each report once", async () => {
    const approved = (await listModelVersions({ group: "fraud-xgboost", status: "Approved", limit: 3 }))
      .items;
    const v = approved[2]?.version ?? 0;
    await resetStats();
    await getVersionPage(await getDb(), viewer, "fraud-xgboost", v);
    await getVersionPage(await getDb(), viewer, "fraud-xgboost", v);
    expect(await s3GetObjects()).toBe(1);

    await resetStats();
    const first = await listGroupVersions(await getDb(), { group: "fraud-graph", order: "Ascending" });
    await listGroupVersions(await getDb(), { group: "fraud-graph", order: "Ascending" });
    const uris = new Set(first.items.map((x) => x.metricReports[0]?.uri));
    expect(first.items.length).toBe(25);
    expect(first.items.every((x) => x.metrics.auc !== undefined)).toBe(true); // the table and compare see them
    expect(await s3GetObjects()).toBe(uris.size);
  });
});

describe("a report that is not JSON", () => {
  // The emulator only stores the JSON its pipelines write, so this one object comes from a stand-in S3
  // endpoint (real HTTP, real SDK); the version itself is registered in the emulator.
  let server: http.Server;
  let endpoint = "";
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "x-amz-request-id": "STANDIN" });
      res.end("<html><body>evaluation notebook export</body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("shows as not JSON on that version", async () => {
    const uri = "s3://team-reports/eval/report.html";
    const v = await register({ metrics: quality(uri) });
    const version = await describeModelVersion(
      (await listModelVersions({ group: GROUP, limit: 1 })).items[0]?.arn ?? "",
    );
    expect(version.version).toBe(v);
    const client = new S3Client({
      region: "us-east-1",
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
    });
    const reader = createReportReader({ client: () => client, negativeTtlMs: () => 0 });
    const evidence = await versionEvidence(version, reader);
    expect(evidence.reports).toEqual([
      expect.objectContaining({ status: "not-json", message: `evaluation report is not JSON: ${uri}` }),
    ]);
    expect(evidence.metrics).toEqual([]);
  });
});
