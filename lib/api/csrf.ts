import { getConfig } from "@/lib/config";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutating(method: string): boolean {
  return MUTATING.has(method.toUpperCase());
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The dashboard's own origins: the public URL (NEXTAUTH_URL) and the origin the request was addressed to. */
function ownOrigins(req: Request): Set<string> {
  const origins = new Set<string>();
  const self = originOf(req.url);
  if (self) origins.add(self);
  try {
    const pub = originOf(getConfig().auth.url);
    if (pub) origins.add(pub);
  } catch {
    // no configuration: the request's own origin is the only one
  }
  return origins;
}

/**
 * Why a mutating request may not run (cross-site request forgery), or null when it may. A browser always
 * sends Origin on cross-origin POSTs and Sec-Fetch-Site on modern engines; a form or no-cors fetch cannot send
 * `Content-Type: application/json`. Bearer-token requests (`bearer`: the request has `Authorization: Bearer`;
 * its cookies are then ignored, and a cross-site page cannot set that header without a CORS preflight that
 * SageDeck never grants) are exempted from the origin rules here and only here; they still send JSON.
 */
export function csrfRefusal(req: Request, bearer = false): string | null {
  if (!isMutating(req.method)) return null;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return "Changes must be sent as JSON: set the header Content-Type: application/json.";
  }
  if (bearer) return null;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    if (ownOrigins(req).has(origin)) return null;
    return "This request came from another site (its Origin is not this dashboard), so it was refused. Make changes from the dashboard itself.";
  }
  if (req.headers.get("sec-fetch-site") === "same-origin") return null;
  return "Changes need an Origin header naming this dashboard (or Sec-Fetch-Site: same-origin); send them from the dashboard itself.";
}
