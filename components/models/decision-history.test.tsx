import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { DecisionHistory } from "./decision-history";

const version = (over: Partial<ModelVersionDetail>): ModelVersionDetail => ({
  arn: "arn:aws:sagemaker:us-east-1:111111111111:model-package/churn/7",
  group: "churn",
  version: 7,
  approvalStatus: "Approved",
  metrics: {},
  metricReports: [],
  ...over,
});

describe("decision history of a version decided outside SageDeck", () => {
  it("shows SageMaker's own record (who, when, ApprovalDescription), labelled as such, not 'no decision'", () => {
    const html = renderToStaticMarkup(
      <DecisionHistory
        history={[]}
        outside={[]}
        version={version({
          lastModifiedBy: "grace.okafor",
          lastModifiedAt: Date.UTC(2026, 10, 20, 9, 30),
          approvalDescription: "Approved in Studio after the bias review",
        })}
      />,
    );
    expect(html).toContain("Recorded in SageMaker, not by SageDeck");
    expect(html).toContain("grace.okafor");
    expect(html).toContain("2026-11-20");
    expect(html).toContain("“Approved in Studio after the bias review”");
    expect(html).not.toContain("No decision has been made in SageDeck");
  });

  it("says when SageMaker's record names nobody and has no description", () => {
    const html = renderToStaticMarkup(
      <DecisionHistory history={[]} outside={[]} version={version({ approvalStatus: "Rejected" })} />,
    );
    expect(html).toContain("SageMaker&#x27;s record names nobody");
    expect(html).toContain("none given in SageMaker");
  });

  it("a pending version without decisions is waiting, with no SageMaker record", () => {
    const html = renderToStaticMarkup(
      <DecisionHistory
        history={[]}
        outside={[]}
        version={version({ approvalStatus: "PendingManualApproval" })}
      />,
    );
    expect(html).toContain("waiting for approval");
    expect(html).not.toContain("Recorded in SageMaker");
  });
});
