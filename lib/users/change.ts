import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { revokeUserSessions } from "@/lib/db/sessions";
import {
  Password,
  setUserDisabled,
  setUserPassword,
  setUserRole,
  Username,
  type PublicUser,
} from "@/lib/db/users";

export const UserChange = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), password: Password.optional() })
  .strict()
  .refine((c) => c.role !== undefined || c.disabled !== undefined || c.password !== undefined, {
    message: "Give at least one of role, disabled or password.",
  });
export type UserChange = z.infer<typeof UserChange>;

export const UserParams = z.object({ username: Username });

interface ChangeArgs {
  actor: { username: string; role: string };
  username: string;
  change: UserChange;
  requestId?: string;
}

/**
 * Changes a local account (the users API and the CLI both come here), with its audit rows in the same
 * transaction. A new password or disabling ends every session of the user at their next request; a role
 * change applies to live sessions at their next request.
 */
export async function changeUser(db: Db, args: ChangeArgs): Promise<PublicUser> {
  const change = UserChange.parse(args.change);
  return db.transaction(async (tx) => {
    let user: PublicUser | undefined;
    const audit = (action: string, details: Record<string, unknown> = {}) =>
      recordAudit(tx, {
        actor: args.actor.username,
        actorRole: args.actor.role,
        action,
        target: `user/${args.username}`,
        details,
        ...(args.requestId ? { requestId: args.requestId } : {}),
      });
    if (change.role !== undefined) {
      user = await setUserRole(tx, args.username, change.role);
      await audit("user.role", { role: user.role });
    }
    if (change.password !== undefined) {
      user = await setUserPassword(tx, args.username, change.password);
      const ended = await revokeUserSessions(tx, args.username, "password changed");
      await audit("user.password", { sessionsEnded: ended }); // never the password
    }
    if (change.disabled !== undefined) {
      user = await setUserDisabled(tx, args.username, change.disabled);
      const ended = change.disabled ? await revokeUserSessions(tx, args.username, "account disabled") : 0;
      await audit(`user.${change.disabled ? "disable" : "enable"}`, { sessionsEnded: ended });
    }
    if (!user) throw new Error("unreachable: an empty change passed validation");
    return user;
  });
}
