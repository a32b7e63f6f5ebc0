import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { auditQueries } from "@/lib/query-options/audit";
import { renderUi } from "@/tests/helpers/render-ui";
import { StagesAt } from "./stages-at";

const noop = () => undefined;

describe("'What was live at T' on the audit page", () => {
  it("is there without a group filter, for every model group", () => {
    const html = renderUi(<StagesAt at={null} onAt={noop} />);
    expect(html).toContain("What was live at a time");
    expect(html).toContain("for every model group");
  });

  it("answers for every group with something deployed at that time", () => {
    const client = new QueryClient();
    client.setQueryData(auditQueries.stagesAll("2026-11-20T10:00").queryKey, {
      groups: [
        {
          group: "churn",
          stages: [
            {
              stage: "Staging",
              version: 4,
              since: Date.UTC(2026, 10, 19, 8),
              by: "Alex Approver",
              source: "sagedeck",
            },
            { stage: "Production", source: "none" },
          ],
        },
      ],
    });
    const html = renderUi(<StagesAt at="2026-11-20T10:00" onAt={noop} />, { client });
    expect(html).toContain('data-testid="stages-at-all"');
    expect(html).toContain("churn");
    expect(html).toContain("version 4 (since 2026-11-19 08:00, by Alex Approver; SageDeck decision record)");
    expect(html).toContain("nothing deployed");
  });
});
