/**
 * The first page a server process renders pays a one-time cost — React's server renderer and the app's page
 * modules run for the first time: the first page of a fresh server took ~300–1,000 ms longer than the same page
 * right after (bench/first-render.ts "cold"). At start the server renders its public sign-in page once for itself,
 * so the first person after a (re)start does not pay it (issue 20). It only reads; failures are ignored.
 */

/** The sign-in page on this server's own port (the bind address when it is one address, else loopback). */
export function warmUpUrl(env: Record<string, string | undefined>): string {
  const bind = env.BIND_ADDRESS;
  const host = !bind || bind === "0.0.0.0" || bind === "::" ? "127.0.0.1" : bind;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT || "3000"}/login`;
}

/**
 * GETs `url` once the server listens (it may not yet when this starts: tried every `delayMs`, `attempts` times).
 * True when a page was rendered.
 */
export async function warmUp(
  url: string,
  { attempts = 120, delayMs = 250 }: { attempts?: number; delayMs?: number } = {},
): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url, {
        headers: { "user-agent": "sagedeck-warm-up" },
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  return false;
}
