import { recordAudit } from "@/lib/db/audit";
import { createUser, type NewUserInput, type PublicUser } from "@/lib/db/users";
import type { VerbContext } from "@/lib/verb-context";

/** Creates a local account; the account and its audit row commit together (or neither does). */
export function createUserAsAdmin(ctx: VerbContext, input: NewUserInput): Promise<PublicUser> {
  return ctx.db.transaction(async (tx) => {
    const created = await createUser(tx, input);
    await recordAudit(tx, {
      actor: ctx.user.username,
      actorRole: ctx.user.role,
      action: "user.create",
      target: `user/${created.username}`,
      details: { role: created.role },
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
    return created;
  });
}
