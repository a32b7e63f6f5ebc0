/** Longest username or password the sign-in form accepts; anything longer is refused before any query. */
export const MAX_USERNAME_LENGTH = 100;
export const MAX_PASSWORD_LENGTH = 1024;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The username as the database is asked for it (trimmed, lower-case), or null when it cannot be an account
 * name: empty, too long, or with a NUL or other control character (PostgreSQL refuses NUL in text with an
 * error that would otherwise carry the query).
 */
export function signInUsername(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const username = raw.trim().toLowerCase();
  if (!username || username.length > MAX_USERNAME_LENGTH || CONTROL.test(username)) return null;
  return username;
}

export function signInPassword(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_PASSWORD_LENGTH) return null;
  return raw;
}
