import { route } from "@/lib/api/route";
import { EndpointParams, endpointActivities, ScalingActivityQuery } from "@/lib/endpoints/activities";

export const dynamic = "force-dynamic";

// GET /api/endpoints/[name]/scaling?account=&limit= — the endpoint's recent Application Auto Scaling activities
export const GET = route(
  { permission: "read", params: EndpointParams, query: ScalingActivityQuery },
  ({ params, query }) => endpointActivities(params.name, query),
);
