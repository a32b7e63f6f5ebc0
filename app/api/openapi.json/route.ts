import { publicRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export const GET = publicRoute(
  { summary: "This OpenAPI 3.1 document, generated from the routes' own zod schemas" },
  () => Promise.resolve(openApiDocument()),
);
