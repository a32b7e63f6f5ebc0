import { z } from "zod";

/** Pure zod schemas of the gate routes (client forms use them too). */
export const GateAnswerBody = z.object({
  pipeline: z.string().regex(/^[A-Za-z0-9.@\-_]{1,100}$/),
  executionId: z.string().regex(/^[0-9a-f-]{36}$/),
  stage: z.string().regex(/^[A-Za-z0-9.@\-_]{1,100}$/),
  action: z.string().regex(/^[A-Za-z0-9.@\-_]{1,100}$/),
  token: z.string().regex(/^[0-9a-f-]{36}$/),
  answer: z.enum(["approve", "reject"]),
  reason: z.string().trim().max(400, "Keep the reason under 400 characters.").optional(),
});
export type GateAnswerBody = z.infer<typeof GateAnswerBody>;

export const GatesQuery = z.object({ group: z.string().min(1).max(170).optional() });
