import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import type { ChangeAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";
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
    // a change that takes an enabled admin away: the admins are locked first, so two admins demoting each other
    // at once are serialised and the second sees the first's change
    const removesAdmin = (change.role !== undefined && change.role !== "admin") || change.disabled === true;
    const demotes = removesAdmin && (await lockEnabledAdmins(tx)).includes(args.username);
    let user: PublicUser | undefined;
    const audit = (action: ChangeAction, details: Record<string, unknown> = {}) =>
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
      await audit(change.disabled ? "user.disable" : "user.enable", { sessionsEnded: ended });
    }
    if (!user) throw new Error("unreachable: an empty change passed validation");
    if (demotes && (await countEnabledAdmins(tx)) === 0) {
      throw new ConflictError(
        `This change would leave no enabled admin account, so nobody could manage accounts; make someone else an admin first.`,
      );
    }
    return user;
  });
}

const enabledAdmin = and(eq(users.role, "admin"), eq(users.disabled, false));

/** Locks the enabled admins' rows until the transaction ends; returns their usernames. */
async function lockEnabledAdmins(tx: Db): Promise<string[]> {
  const rows = await tx.select({ username: users.username }).from(users).where(enabledAdmin).for("update");
  return rows.map((r) => r.username);
}

async function countEnabledAdmins(tx: Db): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(enabledAdmin);
  return row?.n ?? 0;
}
