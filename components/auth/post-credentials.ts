/** What the sign-in form shows for each error code next-auth (or the throttle) puts in the answer. */
export const SIGN_IN_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong username or password, or the account is disabled.",
  SignInUnavailable:
    "Sign-in is unavailable right now; try again in a minute. If it persists, tell your admin.",
  Throttled: "Too many failed sign-ins; wait a moment and try again.",
  NoRole:
    "Your single sign-on account is not in any group that SageDeck maps to a role. Ask an admin to add you.",
};

export function signInMessage(key: string | null): string | null {
  if (!key) return null;
  return Object.hasOwn(SIGN_IN_MESSAGES, key)
    ? (SIGN_IN_MESSAGES[key] ?? null)
    : "Sign-in failed. Try again.";
}

interface Answer {
  url?: unknown;
  error?: { message?: unknown };
}

/**
 * Posts the credentials the way next-auth's client does (CSRF token, `json=true`) but reads the whole answer,
 * so a 429 from the throttle shows its own message ("… try again in N s").
 */
export async function postCredentials(
  username: string,
  password: string,
  callbackUrl: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const failed = { ok: false as const, message: "Sign-in failed; try again." };
  try {
    const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken?: unknown };
    if (typeof csrf.csrfToken !== "string") return failed;
    const res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: new URLSearchParams({ username, password, csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
    });
    const data = (await res.json()) as Answer;
    if (typeof data.error?.message === "string") return { ok: false, message: data.error.message };
    if (typeof data.url !== "string") return failed;
    const url = new URL(data.url, window.location.href);
    const error = url.searchParams.get("error");
    // next-auth reports ok with a `csrf=true` URL when the CSRF cookie raced; treat that as a failure
    if (error || !res.ok || url.searchParams.has("csrf")) {
      return { ok: false, message: signInMessage(error) ?? failed.message };
    }
    return { ok: true };
  } catch {
    return failed;
  }
}
