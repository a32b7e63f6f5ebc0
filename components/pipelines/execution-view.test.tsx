import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { ExecutionView as View } from "@/lib/pipelines/read-models";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { renderUi } from "@/tests/helpers/render-ui";
import { ExecutionView } from "./execution-view";

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 1, 8, 0);
const step = (
  name: string,
  startedAt: number,
  endedAt: number | undefined,
  attempts: number,
  status: string,
) => ({
  name,
  displayName: undefined,
  status,
  startedAt,
  endedAt,
  attempts,
  failureReason: undefined,
  kind: "TrainingJob",
  resourceArn: undefined,
  conditionOutcome: undefined,
  errorMessage: undefined,
  cacheSourceArn: undefined,
});

const retried = {
  arn: "arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn/execution/abc123",
  id: "abc123",
  pipelineName: "churn",
  displayName: "nightly-retrain-2026-12-01",
  description: undefined,
  status: "Executing",
  failureReason: undefined,
  startedAt: T0,
  lastModifiedAt: T0 + 100 * MIN,
  durationMs: undefined,
  createdBy: "alex",
  parameters: {},
  experimentName: "churn",
  trialName: "abc123",
  rerunOf: undefined,
  pipelineVersionId: 1,
  steps: [
    step("Preprocess", T0, T0 + 5 * MIN, 1, "Succeeded"),
    step("Train", T0 + 100 * MIN, undefined, 2, "Executing"),
  ],
  startedBy: "alex",
  startedHere: true,
  definitionSteps: [],
  pipelineDisplayName: "churn",
} as unknown as View;

describe("execution page header", () => {
  it("shows the display name given at start, and after a retry the retry's duration", () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(pipelineQueries.execution("churn", "abc123").queryKey, retried, {
      updatedAt: T0 + 103 * MIN,
    });
    const html = renderUi(<ExecutionView pipeline="churn" id="abc123" canRun={false} />, { client });
    expect(html).toContain("nightly-retrain-2026-12-01");
    expect(html).toMatch(/data-testid="execution-duration">Retry duration 3 min 0 s</);
    expect(html).not.toContain("1 h 43 min");
  });
});
