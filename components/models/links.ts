import { routes } from "@/lib/routes";

/** `/pipelines/<name>/executions/<id>` from a pipeline execution ARN (the pipelines area's page). */
export function executionHref(executionArn: string): string | undefined {
  const m = /:pipeline\/([^/]+)\/execution\/([^/]+)$/.exec(executionArn);
  return m
    ? `${routes.pipelines}/${encodeURIComponent(m[1] ?? "")}/executions/${encodeURIComponent(m[2] ?? "")}`
    : undefined;
}

export function experimentHref(name: string): string {
  return `${routes.experiments}/${encodeURIComponent(name)}`;
}
