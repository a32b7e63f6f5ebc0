import { z } from "zod";
import { EXPERIMENT_SORTS } from "./experiment-sorts";

export { PAGE_SIZES } from "./page-sizes";

export const experimentListQuery = z.object({
  q: z.string().max(120).optional(),
  sort: z.enum(EXPERIMENT_SORTS).default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  size: z.coerce.number().int().min(10).max(100).default(25),
  after: z.string().max(2048).optional(),
});
export type ExperimentListQuery = z.input<typeof experimentListQuery>;

export const runListQuery = z.object({
  filter: z.string().max(2000).optional(),
  sort: z.string().max(300).default("start"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  size: z.coerce.number().int().min(10).max(100).default(50),
  after: z.string().max(2048).optional(),
});
export type RunListQuery = z.input<typeof runListQuery>;

export const experimentNameParam = z.object({
  name: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}$/, "is not a valid experiment name"),
});

export const compareQuery = z.object({
  runs: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((r) => r.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(120)).min(2, "pick at least 2 runs").max(200, "compare at most 200 runs")),
});
