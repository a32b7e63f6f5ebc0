import { route } from "@/lib/api/route";
import { EndpointParams, endpointActivities, ScalingActivityQuery } from "@/lib/endpoints/activities";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "The endpoint's recent Application Auto Scaling activities",
    permission: "read",
    params: EndpointParams,
    query: ScalingActivityQuery,
  },
  ({ params, query }) => endpointActivities(params.name, query),
);
