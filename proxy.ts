import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { getConfig } from "@/lib/config";

/**
 * Every page needs a session; anonymous visitors go to /login?callbackUrl=<the page>. API routes are not
 * redirected: the route wrapper answers 401 JSON. Pages also check the session themselves.
 */
export function proxy(req: NextRequestWithAuth) {
  return withAuth(req, { secret: getConfig().auth.secret, pages: { signIn: "/login" } });
}

export const config = {
  matcher: ["/((?!api/|login|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
