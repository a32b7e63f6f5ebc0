import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";

/**
 * What every verb (a change SageDeck makes) receives: the database (or a transaction), who acts, and the
 * request's id, which goes on the audit row. Features extend it, never redefine it.
 */
export interface VerbContext {
  db: Db;
  user: SessionUser;
  requestId?: string;
}
