import { z } from "zod";
import { EVENT_TYPES, PERSONAL_EVENT_TYPES } from "./events";
import { CHANNEL_KINDS, DELIVERY_STATUSES, type ChannelKind } from "./kinds";

export { CHANNEL_KINDS, DELIVERY_STATUSES, type ChannelKind };

const Filter = z
  .string()
  .trim()
  .max(128)
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional();

const Fields = {
  name: z.string().trim().min(1, "Name the channel.").max(80),
  target: z.string().trim().min(1, "Give the URL or the e-mail address.").max(2000),
  eventTypes: z.array(z.enum(EVENT_TYPES)).min(1, "Pick at least one event.").max(EVENT_TYPES.length),
  groupFilter: Filter,
  solutionFilter: Filter,
  enabled: z.boolean().optional(),
};

/** Why `target` does not suit a channel of `kind`, or null when it does. */
export function targetProblem(kind: ChannelKind, target: string): string | null {
  if (kind === "email") return z.email().safeParse(target).success ? null : "Not an e-mail address.";
  let url: URL | undefined;
  try {
    url = new URL(target);
  } catch {
    url = undefined;
  }
  return url && (url.protocol === "https:" || url.protocol === "http:")
    ? null
    : "Give the http(s) URL the webhook is posted to.";
}

export const ChannelInput = z
  .object({ kind: z.enum(CHANNEL_KINDS), ...Fields })
  .strict()
  .superRefine((v, ctx) => {
    const problem = targetProblem(v.kind, v.target);
    if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: problem });
  });
export type ChannelInput = z.infer<typeof ChannelInput>;

/** An edit: every field but the kind is optional; the target is checked against the channel's kind by the verb. */
export const ChannelPatch = z
  .object({
    name: Fields.name.optional(),
    target: Fields.target.optional(),
    eventTypes: Fields.eventTypes.optional(),
    groupFilter: Filter,
    solutionFilter: Filter,
    enabled: z.boolean().optional(),
  })
  .strict();
export type ChannelPatch = z.infer<typeof ChannelPatch>;

export const IdParams = z.object({ id: z.string().uuid("Not an id.") });

export const DeliveryQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type DeliveryQuery = z.infer<typeof DeliveryQuery>;

export const PreferencesInput = z
  .object({
    email: z
      .email("Not an e-mail address.")
      .max(320)
      .nullable()
      .or(z.literal("").transform(() => null)),
    eventTypes: z.array(z.enum(PERSONAL_EVENT_TYPES)).max(PERSONAL_EVENT_TYPES.length),
  })
  .strict();
export type PreferencesInput = z.infer<typeof PreferencesInput>;
