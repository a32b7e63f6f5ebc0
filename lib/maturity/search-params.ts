import { z } from "zod";

/** The organisation view's URL/API query: phase filter and sort (shared by page, API and client). */
export const overviewQuerySchema = z.object({
  phase: z.enum(["Initial", "Repeatable", "Reliable", "Scalable", "none"]).optional(),
  sort: z.enum(["name", "phase", "score"]).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export function readOverviewQuery(sp: Record<string, string | string[] | undefined>): OverviewQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const r = overviewQuerySchema.safeParse({ phase: one(sp.phase), sort: one(sp.sort) });
  return r.success ? r.data : {};
}
