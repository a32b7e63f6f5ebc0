import { NextResponse } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { STATUS_BY_CODE } from "@/lib/api/errors";
import { getConfig } from "@/lib/config";
import type { AppErrorCode } from "@/lib/errors";
import { API_CSP, commonSecurityHeaders, newNonce, pageCsp, pathDecodes } from "@/lib/api/security-headers";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Pages anyone may see; every other page needs a session. */
const PUBLIC_PAGES = /^\/(login|_sagedeck-not-found)(\/|$)/;

function apiError(code: AppErrorCode, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json(
    { error: { code, message } },
    { status: STATUS_BY_CODE[code], headers: { "Cache-Control": "no-store", ...headers } },
  );
}

function finish(res: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

/**
 * Runs before routing on every request except static assets: refuses what Next would crash on (a malformed
 * %-escape → 400 JSON for APIs, the not-found page for pages; an unsupported method → 405), sets the browser
 * security headers with a per-request CSP nonce (Next reads it from the request's Content-Security-Policy
 * and puts it on its scripts), and sends anonymous visitors of pages to /login?callbackUrl=<the page>. API
 * routes are not redirected: the route wrapper answers 401 JSON. Pages also check the session themselves.
 */
export async function proxy(req: NextRequestWithAuth): Promise<Response> {
  const config = getConfig();
  const https = new URL(config.auth.url).protocol === "https:";
  const path = req.nextUrl.pathname;
  const isApi = path === "/api" || path.startsWith("/api/");
  const common = commonSecurityHeaders(https);

  if (!METHODS.has(req.method)) {
    const message = `The method ${req.method} is not supported; use GET, POST, PUT, PATCH or DELETE.`;
    return finish(apiError("method_not_allowed", message, { Allow: [...METHODS].join(", ") }), {
      ...common,
      "Content-Security-Policy": API_CSP,
    });
  }
  if (!pathDecodes(path)) {
    if (isApi) {
      const message = "The address contains a malformed %-escape; check the link.";
      return finish(apiError("bad_request", message), { ...common, "Content-Security-Policy": API_CSP });
    }
    const nonce = newNonce();
    const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    const notFound = NextResponse.rewrite(new URL("/_sagedeck-not-found", req.url), { request: { headers } });
    return finish(notFound, { ...common, "Content-Security-Policy": csp });
  }

  if (isApi) {
    return finish(NextResponse.next(), { ...common, "Content-Security-Policy": API_CSP });
  }

  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  if (!PUBLIC_PAGES.test(path)) {
    const redirect = await withAuth(req, { secret: config.auth.secret, pages: { signIn: "/login" } });
    if (redirect instanceof Response) return finish(redirect, { ...common, "Content-Security-Policy": csp });
  }
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  return finish(NextResponse.next({ request: { headers } }), { ...common, "Content-Security-Policy": csp });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
