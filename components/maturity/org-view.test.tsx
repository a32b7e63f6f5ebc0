import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { MaturityOverview } from "@/lib/maturity-report/report";
import { maturityQueries } from "@/lib/query-options/maturity";
import { renderUi } from "@/tests/helpers/render-ui";
import { OrgView } from "./org-view";

const AT = Date.UTC(2026, 11, 2, 9, 0);
const KEY = maturityQueries.overview({ phase: undefined, sort: undefined }).queryKey;
const overview = (o: Partial<MaturityOverview>): MaturityOverview => ({
  generatedAt: AT,
  refreshMinutes: 5,
  checkIds: [],
  checkInfo: [],
  solutions: [],
  kpis: [],
  targets: { approvalSlaHours: null, leadTimeTargetHours: null },
  warnings: [],
  ...o,
});

describe("maturity page: how fresh, and outages", () => {
  it("says 'as of' the background collection and how old the figures may be", () => {
    const client = new QueryClient();
    client.setQueryData(KEY, overview({}));
    const html = renderUi(<OrgView />, { client });
    expect(html).toContain('data-testid="maturity-as-of"');
    expect(html).toContain('dateTime="2026-12-02T09:00:00.000Z"');
    expect(html).toMatch(/every 5 min, so the figures may be up to 5 min old/);
  });

  it("a failed later collection is reported next to the figures it did not replace", () => {
    const client = new QueryClient();
    client.setQueryData(
      KEY,
      overview({
        collectionFailure: { at: AT + 300_000, message: "SageMaker could not be read (groups: 503)" },
      }),
    );
    const html = renderUi(<OrgView />, { client });
    expect(html).toMatch(/role="alert".*The latest collection, at .* failed: SageMaker could not be read/);
  });

  it("when the collection failed, shows the error — not zeros and 'No solution matches'", () => {
    const client = new QueryClient({ defaultOptions: { queries: { retryOnMount: false, retry: false } } });
    const q = client.getQueryCache().build(client, { queryKey: KEY });
    q.setState({
      status: "error",
      error: new Error("The maturity collection at 09:00:00 UTC failed: SageMaker could not be read"),
      fetchStatus: "idle",
    });
    const html = renderUi(<OrgView />, { client });
    expect(html).toContain("could not be loaded: The maturity collection at 09:00:00 UTC failed");
    expect(html).not.toContain("No solution matches");
    expect(html).not.toContain("Lifecycle KPIs");
  });
});
