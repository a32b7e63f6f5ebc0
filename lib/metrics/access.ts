import { createHash, timingSafeEqual } from "node:crypto";
import { clientAddress } from "@/lib/auth/client-address";
import { bearerOf } from "@/lib/auth/tokens/secret";
import { getConfig } from "@/lib/config";
import { addressAllowed } from "@/lib/config/ops";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { trustedPeer } from "@/lib/lifecycle";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may scrape /api/metrics. With METRICS_TOKEN: `Authorization: Bearer <METRICS_TOKEN>` (none → 401, another →
 * 403). Without: the peer address must be in METRICS_ALLOW_CIDRS (default loopback only) → else 403. The peer is
 * the TCP peer the production server (serve.js) records; under `next start` it is X-Forwarded-For as read for the
 * sign-in throttle (AUTH_TRUSTED_PROXY_HOPS), which a client reaching the port directly could choose.
 */
export function checkMetricsAccess(req: Request): void {
  const { metrics } = getConfig().ops;
  if (metrics.token) {
    const bearer = bearerOf(req.headers);
    if (!bearer) throw new UnauthorizedError("Metrics need Authorization: Bearer with the METRICS_TOKEN.");
    if (!timingSafeEqual(digest(bearer), digest(metrics.token)))
      throw new ForbiddenError("That is not the metrics token (METRICS_TOKEN).");
    return;
  }
  const peer = trustedPeer(req.headers) ?? clientAddress(req.headers, getConfig().auth.trustedProxyHops);
  if (!addressAllowed(metrics.allow, peer))
    throw new ForbiddenError(
      "Metrics are served to the addresses in METRICS_ALLOW_CIDRS only (or set METRICS_TOKEN and send it).",
    );
}
