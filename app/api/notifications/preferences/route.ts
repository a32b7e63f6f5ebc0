import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getPreferences, setPreferences } from "@/lib/notifications/preferences";
import { PreferencesInput } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "What the signed-in person receives personally", permission: "read" },
  async ({ user }) => ({
    preferences: await getPreferences({ db: await getDb(), user }),
  }),
);

export const PUT = route(
  {
    summary: "Their e-mail address and which of their events they receive",
    permission: "read",
    body: PreferencesInput,
  },
  async ({ user, body, requestId }) => ({
    preferences: await setPreferences({ db: await getDb(), user, requestId }, body),
  }),
);
