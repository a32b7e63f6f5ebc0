import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { listOutside } from "@/lib/approvals/outside";

export const dynamic = "force-dynamic";

const Query = z.object({
  group: z.string().min(1).max(170).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** "1": only what needs attention (approved or staged outside SageDeck), as the inbox lists */
  attention: z
    .enum(["1", "0"])
    .optional()
    .transform((v) => v === "1"),
});

export const GET = route(
  {
    summary: "Versions SageMaker shows as approved, rejected or staged without a SageDeck decision",
    permission: "read",
    query: Query,
  },
  async ({ query }) => listOutside(await getDb(), query),
);
