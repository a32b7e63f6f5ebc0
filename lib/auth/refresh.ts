import type { JWT } from "next-auth/jwt";
import type { Db } from "@/lib/db";
import { findUser } from "@/lib/db/users";
import { isRole } from "./roles";

/** How often a local account's role and disabled flag are re-read while its session lives. */
export const RECHECK_MS = 60_000;

/**
 * Local accounts: re-reads the user at most every RECHECK_MS. A disabled or deleted account loses its role
 * (the session then counts as signed out); a changed role applies. OIDC tokens are left as they are.
 */
export async function refreshLocalToken(token: JWT, db: () => Promise<Db>, now = Date.now()): Promise<JWT> {
  if (token.provider !== "credentials" || !token.username) return token;
  if (typeof token.checkedAt === "number" && now - token.checkedAt < RECHECK_MS) return token;
  const row = await findUser(await db(), token.username);
  const next: JWT = { ...token, checkedAt: now };
  if (!row || row.disabled || !isRole(row.role)) {
    delete next.role;
    return next;
  }
  next.role = row.role;
  next.name = row.name;
  return next;
}
