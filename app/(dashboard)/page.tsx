import { dehydrate, HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { ComponentType } from "react";
import { MaturitySection } from "@/components/overview/maturity-section";
import { OverviewCards } from "@/components/overview/overview-cards";
import { RunsSection } from "@/components/overview/runs-section";
import { overviewSections, type OverviewSectionId } from "@/components/overview/sections";
import { WaitingSection } from "@/components/overview/waiting-section";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { overviewQueries } from "@/lib/query-options/overview";
import { getQueryClient } from "@/lib/query-options/query-client";
import { getOverviewSummary } from "@/lib/sagemaker/overview";
import { getWaitingForDecision } from "@/lib/overview/approvals";
import { getMaturitySummary } from "@/lib/overview/maturity";
import { getMyPipelineRuns, getNewestExperimentRuns } from "@/lib/overview/runs";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overview" };

/** Each section's prefetches: the same keys as the client, the server calls lib directly. */
function prefetches(qc: QueryClient, id: OverviewSectionId, user: SessionUser): Promise<void>[] {
  switch (id) {
    case "approvals":
      return [
        qc.prefetchQuery({
          ...overviewQueries.approvals(),
          queryFn: async () => getWaitingForDecision(await getDb()),
        }),
      ];
    case "runs":
      return [
        qc.prefetchQuery({
          ...overviewQueries.myRuns(),
          queryFn: async () => getMyPipelineRuns(await getDb(), user.username),
        }),
        qc.prefetchQuery({ ...overviewQueries.experimentRuns(), queryFn: () => getNewestExperimentRuns() }),
      ];
    case "maturity":
      return [qc.prefetchQuery({ ...overviewQueries.maturity(), queryFn: () => getMaturitySummary() })];
  }
}

const SECTION: Record<OverviewSectionId, ComponentType> = {
  approvals: WaitingSection,
  runs: RunsSection,
  maturity: MaturitySection,
};

// Server page = prefetch + hydrate. Awaited, not streamed: a failed prefetch is left to the client, which
// shows the real message for that section only (the others still render).
export default async function OverviewPage() {
  const user = await getSessionUser();
  const sections = user ? overviewSections(user.role) : [];
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ ...overviewQueries.summary(), queryFn: () => getOverviewSummary() }),
    ...(user ? sections.flatMap((id) => prefetches(queryClient, id, user)) : []),
  ]);
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        title="Overview"
        subtitle={
          <>
            Welcome, {user?.name}.{" "}
            {sections.length > 0
              ? "Here is what needs you first."
              : "Here is what SageMaker holds right now."}
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        {sections.map((id) => {
          const Section = SECTION[id];
          return <Section key={id} />;
        })}
        <div className="space-y-2">
          {sections.length > 0 ? <h2 className="text-lg font-semibold">Across SageMaker</h2> : null}
          <OverviewCards />
        </div>
      </HydrationBoundary>
    </section>
  );
}
