import { z } from "zod";
import { route } from "@/lib/api/route";
import { compareExecutions } from "@/lib/pipelines/compare";

const params = z.object({ name: z.string().min(1).max(256) });
const id = z.string().regex(/^[a-z0-9]{1,64}$/, "An execution ID is lowercase letters and digits.");
const query = z.object({ a: id, b: id });

// GET /api/pipelines/[name]/executions/compare?a=…&b=… — two executions side by side
export const GET = route({ permission: "read", params, query }, ({ params, query }) =>
  compareExecutions(params.name, query.a, query.b),
);
