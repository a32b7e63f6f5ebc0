/**
 * Where to go after sign-in: only paths on this site. Absolute URLs are accepted when they point at
 * `origin`; anything else (other hosts, `//evil`, `/\evil`, javascript:) falls back to "/".
 */
export function safeCallbackPath(raw: string | null | undefined, origin?: string): string {
  if (!raw) return "/";
  let candidate = raw.trim();
  if (origin && /^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      if (url.origin !== new URL(origin).origin) return "/";
      candidate = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return "/";
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f]/.test(candidate)) return "/";
  if (candidate.startsWith("/login") || candidate.startsWith("/api/")) return "/";
  return candidate;
}
