import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Built per request (cached inside getAuthOptions) so `next build` needs no runtime configuration.
function handler(req: Request, ctx: Ctx): Promise<Response> {
  return (NextAuth(getAuthOptions()) as (req: Request, ctx: Ctx) => Promise<Response>)(req, ctx);
}

export { handler as GET, handler as POST };
