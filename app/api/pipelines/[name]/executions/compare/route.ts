import { z } from "zod";
import { route } from "@/lib/api/route";
import { compareExecutions } from "@/lib/pipelines/compare";

const params = z.object({ name: z.string().min(1).max(256) });
const id = z.string().regex(/^[a-z0-9]{1,64}$/, "An execution ID is lowercase letters and digits.");
const query = z.object({ a: id, b: id });

export const GET = route(
  { summary: "Two executions side by side", permission: "read", params, query },
  ({ params, query }) => compareExecutions(params.name, query.a, query.b),
);
