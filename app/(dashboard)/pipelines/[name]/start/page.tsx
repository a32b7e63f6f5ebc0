import type { Metadata } from "next";
import { StartRunForm } from "@/components/pipelines/start-run-form";
import { ErrorState } from "@/components/ui/states";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getPipelineForStart, type PipelineForStart } from "@/lib/pipelines/start-view";
import { routes } from "@/lib/routes";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Start a run" };

export default async function StartRunPage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  const user = await getSessionUser();
  let pipeline: PipelineForStart | null = null;
  let error: string | null = null;
  try {
    pipeline = await getPipelineForStart(name);
  } catch (err) {
    error = isAppError(err) ? err.message : "Could not read the pipeline from SageMaker; try again.";
  }
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        back={{ href: `${routes.pipelines}/${encodeURIComponent(name)}`, label: name }}
        title={<>Start a run of {name}</>}
      />
      {!user || !can(user.role, "pipelines.run") ? (
        <ErrorState message="Your role may not start pipeline runs. Ask an admin for the scientist role if you need to." />
      ) : error || !pipeline ? (
        <ErrorState message={error ?? "Pipeline not found."} />
      ) : (
        <StartRunForm pipeline={name} parameters={pipeline.definition.parameters} locked={pipeline.locked} />
      )}
    </section>
  );
}
