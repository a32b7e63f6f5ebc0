import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import { withIdempotency, type StoredResponse } from "@/lib/db/idempotency";
import { createUser, type NewUserInput } from "@/lib/db/users";
import type { SessionUser } from "@/lib/auth/types";

interface CreateUserArgs {
  actor: SessionUser;
  input: NewUserInput;
  requestId: string;
  idempotencyKey: string | null;
}

/** Creates a local account and writes the audit event; the same Idempotency-Key takes effect once. */
export async function createUserAsAdmin(
  args: CreateUserArgs,
): Promise<StoredResponse & { replayed: boolean }> {
  const db = await getDb();
  const run = async (): Promise<StoredResponse> => {
    const created = await createUser(db, args.input);
    await recordAudit(db, {
      actor: args.actor.username,
      actorRole: args.actor.role,
      action: "user.create",
      target: `user/${created.username}`,
      details: { role: created.role },
      requestId: args.requestId,
    });
    return { status: 201, body: { user: created } };
  };
  if (!args.idempotencyKey) return { ...(await run()), replayed: false };
  const { password: _password, ...fingerprint } = args.input;
  return withIdempotency(
    db,
    { key: args.idempotencyKey, actor: args.actor.id, route: "POST /api/users", request: fingerprint },
    run,
  );
}
