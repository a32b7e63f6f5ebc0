import { route } from "@/lib/api/route";
import { getEndpointList } from "@/lib/endpoints/list";
import { endpointListQuery } from "@/lib/endpoints/rows";

export const dynamic = "force-dynamic";

// GET /api/endpoints — endpoints of every configured account (filter, sort, page); failing accounts listed apart
export const GET = route({ permission: "read", query: endpointListQuery }, ({ query }) =>
  getEndpointList(query),
);
