import { z } from "zod";
import { route } from "@/lib/api/route";
import { getExecutionView } from "@/lib/pipelines/read-models";

export const executionParams = z.object({
  name: z.string().min(1).max(256),
  id: z.string().regex(/^[a-z0-9]{1,64}$/, "An execution ID is lowercase letters and digits."),
});

export const GET = route(
  { summary: "Status, steps, parameters, graph definition", permission: "read", params: executionParams },
  ({ params }) => getExecutionView(params.name, params.id),
);
