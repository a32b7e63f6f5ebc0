import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToReadableStream } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { VersionPage } from "@/lib/models/version";
import { modelQueries } from "@/lib/query-options/models";
import { VersionView } from "./version-view";

// the data table's rows open their page through the app router, which a bare render does not mount
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined }) }));

const allowed = { allowed: true } as const;

const page: VersionPage = {
  version: {
    arn: "arn:aws:sagemaker:eu-west-1:123456789012:model-package/fraud-xgboost/7",
    group: "fraud-xgboost",
    version: 7,
    approvalStatus: "PendingManualApproval",
    metrics: { auc: 0.9123, logloss: 0.2345 },
    metricReports: [],
    evidence: {
      metrics: [
        { name: "auc", value: 0.9123, sources: ["model package metadata"] },
        { name: "logloss", value: 0.2345, sources: ["model package metadata"] },
      ],
      reports: [],
    },
  },
  stages: {},
  history: [],
  outside: [],
  allowedActions: {
    approve: allowed,
    reject: allowed,
    promoteStaging: allowed,
    promoteProduction: allowed,
    rollbackProduction: { allowed: false, reason: "Production serves another version." },
  },
  deployment: { mode: "direct" },
};

/** The page's server HTML, every Suspense boundary resolved (as Next's streaming render sends it). */
async function serverHtml(): Promise<string> {
  const client = new QueryClient();
  client.setQueryData(modelQueries.version("fraud-xgboost", 7).queryKey, page);
  const stream = await renderToReadableStream(
    <QueryClientProvider client={client}>
      <VersionView group="fraud-xgboost" version={7} />
    </QueryClientProvider>,
  );
  await stream.allReady;
  return new Response(stream).text();
}

describe("model version page (metrics table loaded apart, issue 18)", () => {
  it("server-renders the metrics rows and the reason boxes a user may type into before the page is live", async () => {
    const html = await serverHtml();
    expect(html).toMatch(/<table aria-label="[^"]*"/);
    expect(html).toContain("0.9123");
    expect(html).toContain("logloss");
    expect(html).toContain("0.2345");
    // the decision's and the stage actions' reasons stay in the page's first JS (eager), in the HTML from the start
    expect(html).toContain('id="reason-fraud-xgboost-7"');
    expect(html).toContain('id="stage-reason"');
  });
});
