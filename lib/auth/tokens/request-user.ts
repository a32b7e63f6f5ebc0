import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { clientAddress } from "../client-address";
import { getSessionUser } from "../session";
import type { SessionUser } from "../types";
import { userFromBearer } from "./resolve";

/**
 * Who is calling an API route: the bearer token's user when the request has `Authorization: Bearer` (cookies
 * are then ignored, and a bad token is 401, never a fallback to the cookie), else the cookie session. Pages
 * call `getSessionUser` directly, so they never accept bearer tokens.
 */
export async function requestUser(req: Request, bearer: string | null): Promise<SessionUser | null> {
  if (bearer === null) return getSessionUser();
  const address = clientAddress(req.headers, getConfig().auth.trustedProxyHops);
  return userFromBearer(await getDb(), bearer, address);
}
