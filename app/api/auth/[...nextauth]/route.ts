import NextAuth from "next-auth";
import { credentialsGate } from "@/lib/auth/credentials-gate";
import { getAuthOptions } from "@/lib/auth/options";
import { authRequestRefusal } from "@/lib/api/auth-guard";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Built per request (cached inside getAuthOptions) so `next build` needs no runtime configuration.
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  // a body next-auth would crash on (500) is refused with 400 first
  const malformed = await authRequestRefusal(req);
  if (malformed) return malformed;
  // a locked username or address is refused (429) before next-auth checks any password
  const refused = await credentialsGate(req);
  if (refused) return refused;
  return (NextAuth(getAuthOptions()) as (req: Request, ctx: Ctx) => Promise<Response>)(req, ctx);
}

export { handler as GET, handler as POST };
