import { errorResponse } from "./errors";

function isPlainObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Refuses (400 JSON) a sign-in request next-auth would crash on: a POST declared as JSON whose body is not a
 * JSON object (next-auth calls `req.json()` unguarded and answers 500). Reads a clone; the request stays usable.
 */
export async function authRequestRefusal(req: Request): Promise<Response | null> {
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) return null;
  const text = await req.clone().text();
  try {
    if (text.trim() === "" || isPlainObject(JSON.parse(text))) return null;
  } catch {
    // falls through to the refusal
  }
  return errorResponse(
    "bad_request",
    "The request body is not a JSON object; send a JSON object or a form.",
    {
      headers: { "Cache-Control": "no-store" },
    },
  );
}
