type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address as far as SageDeck can trust it, for the per-address sign-in throttle.
 *
 * Route handlers do not see the socket. `next start` puts the socket's address in `X-Forwarded-For` only
 * when the request has none (Next 16 base-server: `x-forwarded-for ??= socket.remoteAddress`), so:
 * - `trustedProxyHops = 0` (SageDeck reached directly): the last entry is the socket address unless the
 *   client sent the header itself, in which case the client chose it. The per-address throttle is then
 *   best effort; the per-username throttle does not depend on it.
 * - `trustedProxyHops = n` (n reverse proxies that each append the address they received from): the entry
 *   the outermost trusted proxy appended, n-th from the end, is the client; entries before it are ignored.
 * Set `AUTH_TRUSTED_PROXY_HOPS` to the number of such proxies.
 */
export function clientAddress(source: HeaderSource, trustedProxyHops: number): string {
  const entries = (header(source, "x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(1, trustedProxyHops);
  const entry = entries[Math.max(0, index)];
  if (!entry) return "unknown";
  // bounded and printable, so it is safe as a key and in the audit
  return entry
    .replace(/^::ffff:/, "")
    .slice(0, 64)
    .replace(/[^0-9a-zA-Z.:_-]/g, "?");
}
