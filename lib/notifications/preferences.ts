import { eq } from "drizzle-orm";
import { notificationPreferences } from "@/lib/db/schema";
import type { VerbContext } from "@/lib/verb-context";
import type { PreferencesInput } from "./schemas";

export interface Preferences {
  email: string | null;
  eventTypes: string[];
}

/** What the signed-in person receives personally (nothing until they choose). */
export async function getPreferences(ctx: Pick<VerbContext, "db" | "user">): Promise<Preferences> {
  const [row] = await ctx.db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.username, ctx.user.username));
  return { email: row?.email ?? null, eventTypes: row?.eventTypes ?? [] };
}

/** Sets the person's own preferences (their e-mail address and which of their events they receive). */
export async function setPreferences(ctx: VerbContext, input: PreferencesInput): Promise<Preferences> {
  const values = { email: input.email, eventTypes: input.eventTypes, updatedAt: new Date() };
  await ctx.db
    .insert(notificationPreferences)
    .values({ username: ctx.user.username, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.username, set: values });
  return { email: input.email, eventTypes: input.eventTypes };
}
