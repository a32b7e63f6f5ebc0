/** Input of the governance API (zod); the same limits are checked again by the services. */
import { z } from "zod";

export const MAX_TARGET_HOURS = 8760;
export const MAX_EXEMPTION_DAYS = 365;
export const REASON_MIN = 10;
export const REASON_MAX = 500;

const hours = z
  .number({ error: "Give the number of hours, or null to clear the target." })
  .positive("A target must be more than 0 hours.")
  .max(MAX_TARGET_HOURS, `A target must be at most ${MAX_TARGET_HOURS} hours (one year).`)
  .nullable();

export const solutionKey = z.string().trim().min(1).max(256);

export const TargetsBody = z.object({
  /** a solution key for its override; absent for the organisation's default */
  solution: solutionKey.optional(),
  approvalSlaHours: hours,
  leadTimeTargetHours: hours,
});
export type TargetsInput = z.infer<typeof TargetsBody>;

export const TargetsQuery = z.object({ solution: solutionKey.optional() });

/** "2027-03-01" means the end of that day (UTC); a full ISO time with an offset is taken as is. */
const expiry = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "expiresAt must be a date (YYYY-MM-DD) or an ISO time, e.g. 2027-03-01T00:00:00Z.",
  })
  .transform((s) => new Date(s.length === 10 ? `${s}T23:59:59.999Z` : s));

export const GrantBody = z.object({
  checkId: z
    .string()
    .trim()
    .regex(/^[A-Z]-\d{1,2}$/, "checkId looks like R-3 (phase letter, number)."),
  reason: z
    .string()
    .trim()
    .min(REASON_MIN, `Give a reason of at least ${REASON_MIN} characters.`)
    .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`),
  expiresAt: expiry,
});
export type GrantInput = z.infer<typeof GrantBody>;

export const SolutionParams = z.object({ key: solutionKey });
export const ExemptionParams = z.object({ key: solutionKey, id: z.string().uuid("Unknown exemption id.") });
