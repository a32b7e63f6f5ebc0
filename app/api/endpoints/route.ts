import { route } from "@/lib/api/route";
import { getEndpointList } from "@/lib/endpoints/list";
import { endpointListQuery } from "@/lib/endpoints/rows";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Endpoints of every configured account (filter, sort, page); failing accounts listed apart",
    permission: "read",
    query: endpointListQuery,
  },
  ({ query }) => getEndpointList(query),
);
