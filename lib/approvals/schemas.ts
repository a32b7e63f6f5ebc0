import { z } from "zod";

/** Pure zod schemas shared by route handlers and client forms. */
export const VersionParams = z.object({
  group: z.string().min(1).max(170),
  version: z.coerce.number().int().min(1),
});
export const GroupParams = z.object({ group: z.string().min(1).max(170) });

const reason = z.string().trim().max(900, "Keep the reason under 900 characters.").optional();

export const ApprovalBody = z.object({
  expectedStatus: z.enum(["PendingManualApproval", "Approved", "Rejected"]),
  reason,
});
export type ApprovalBody = z.infer<typeof ApprovalBody>;

export const PromoteBody = z.object({
  stage: z.enum(["Staging", "Production"]),
  expectedStage: z.string().min(1).max(63),
  reason,
});
export type PromoteBody = z.infer<typeof PromoteBody>;

export const RollbackBody = z.object({
  stage: z.enum(["Staging", "Production"]).default("Production"),
  expectedVersion: z.number().int().min(1),
  reason,
});
export type RollbackBody = z.infer<typeof RollbackBody>;

export const InboxQuery = z.object({
  group: z.string().min(1).optional(),
  cursor: z.string().min(1).optional(),
  sla: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .optional(),
});

/** Grant access: the stage accounts to grant (by configured name); omitted = every one not granted yet. */
export const ShareBody = z.object({
  accounts: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/))
    .min(1)
    .max(20)
    .optional(),
});
export type ShareBody = z.infer<typeof ShareBody>;
