import { z } from "zod";
import { route } from "@/lib/api/route";
import { getStepLogs } from "@/lib/pipelines/logs";

const params = z.object({
  name: z.string().min(1).max(256),
  id: z.string().regex(/^[a-z0-9]{1,64}$/, "An execution ID is lowercase letters and digits."),
  step: z.string().min(1).max(256),
});

const query = z.object({
  stream: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[^:*]*$/, "A log stream name.")
    .optional(),
  token: z.string().min(1).max(512).optional(),
  direction: z.enum(["forward", "backward"]).optional(),
  filter: z.string().max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const GET = route(
  { summary: "A page of the step's job's CloudWatch Logs", permission: "read", params, query },
  ({ params, query }) =>
    getStepLogs(params.name, params.id, params.step, {
      limit: query.limit,
      ...(query.stream ? { stream: query.stream } : {}),
      ...(query.token ? { token: query.token } : {}),
      ...(query.direction ? { direction: query.direction } : {}),
      ...(query.filter?.trim() ? { filter: query.filter.trim() } : {}),
    }),
);
