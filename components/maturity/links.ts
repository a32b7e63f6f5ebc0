import { executionHref, experimentHref } from "@/components/models/links";
import type { ResourceRef } from "@/lib/maturity/types";
import { modelRoutes, routes } from "@/lib/routes";

/** The page that shows an evidence resource, when SageDeck has one (endpoints and jobs have none yet). */
export function refHref(ref: ResourceRef): string | undefined {
  switch (ref.kind) {
    case "pipeline":
      return `${routes.pipelines}/${encodeURIComponent(ref.id)}`;
    case "execution":
      return executionHref(ref.id);
    case "modelPackageGroup":
      return modelRoutes.group(ref.id);
    case "modelPackage": {
      const m = /:model-package\/([^/]+)\/(\d+)$/.exec(ref.id);
      return m ? modelRoutes.version(m[1] ?? "", Number(m[2])) : undefined;
    }
    case "experiment":
      return experimentHref(ref.id);
    default:
      return undefined;
  }
}
