/** Channel kinds and delivery statuses, zod-free: the browser's forms and filters import these, the schemas too. */
export const CHANNEL_KINDS = ["webhook", "slack", "teams", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const DELIVERY_STATUSES = ["pending", "sent", "dead"] as const;
