import net from "node:net";
import type { Env } from "./schema";

/**
 * Operations settings: who may scrape /api/metrics, the request log format, the graceful shutdown's bounds, the
 * production server's answer cache.
 */
export interface OpsConfig {
  metrics: {
    /** METRICS_TOKEN: when set, /api/metrics needs `Authorization: Bearer <token>` (and the address is not checked) */
    token: string | null;
    /** METRICS_ALLOW_CIDRS (without a token): the peer address must be in one of these ranges */
    allow: net.BlockList;
    allowText: string[];
  };
  /** LOG_FORMAT: `json` = one JSON object per request on stdout (operators' log pipelines); `text` = readable */
  logFormat: "text" | "json";
  /** SHUTDOWN_DRAIN_MS: after SIGTERM readiness fails this long while requests are still served */
  shutdownDrainMs: number;
  /** SHUTDOWN_TIMEOUT_MS: the whole graceful shutdown's bound; past it the process exits anyway (code 1) */
  shutdownTimeoutMs: number;
  /**
   * ANSWER_CACHE_TTL_MS: how long the production server may answer a signed-in caller's repeated read of an
   * allow-listed API from its answer cache (scripts/serve/README.md); 0 disables it
   */
  answerCacheTtlMs: number;
}

/** Parses `a.b.c.d/n` and `x::y/n` ranges (a bare address is a single host); throws with the bad entry. */
export function parseCidrs(text: string): { list: net.BlockList; entries: string[] } {
  const list = new net.BlockList();
  const entries = text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
    const max = family === "ipv4" ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max || bits === "") {
      throw new Error(`"${entry}" is not an address range`);
    }
    list.addSubnet(address, prefix, family);
  }
  return { list, entries };
}

/** Whether a peer address (IPv4, IPv6 or IPv4-mapped IPv6) is in the list. */
export function addressAllowed(list: net.BlockList, address: string): boolean {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (net.isIPv4(plain)) return list.check(plain, "ipv4");
  if (net.isIPv6(plain)) return list.check(plain, "ipv6");
  return false;
}

export function parseOps(env: Env): OpsConfig {
  const { list, entries } = parseCidrs(env.METRICS_ALLOW_CIDRS);
  return {
    metrics: { token: env.METRICS_TOKEN ?? null, allow: list, allowText: entries },
    logFormat: env.LOG_FORMAT,
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    answerCacheTtlMs: env.ANSWER_CACHE_TTL_MS,
  };
}
