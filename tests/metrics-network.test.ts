/** /api/metrics without METRICS_TOKEN: network-only, the peer must be in METRICS_ALLOW_CIDRS. */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { addressAllowed, parseCidrs } from "@/lib/config/ops";
import { callRoute } from "@/tests/helpers/route-call";

delete process.env.METRICS_TOKEN;
process.env.METRICS_ALLOW_CIDRS = "127.0.0.1/32,::1/128,10.20.0.0/16";

const scrape = async (forwardedFor: string) => {
  const { GET } = await import("@/app/api/metrics/route");
  // under `next start`, Next puts the socket address in X-Forwarded-For (serve.js records the TCP peer instead)
  return callRoute(
    GET,
    new Request("http://127.0.0.1/api/metrics", { headers: { "x-forwarded-for": forwardedFor } }),
  );
};

describe("/api/metrics, network-only", () => {
  it("serves the allowed ranges and refuses other addresses with 403", async () => {
    expect((await scrape("127.0.0.1")).status).toBe(200);
    expect((await scrape("::ffff:10.20.3.4")).status).toBe(200);
    const outside = await scrape("203.0.113.9");
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toMatch(
      /METRICS_ALLOW_CIDRS/,
    );
  });

  it("parses ranges and refuses a bad one", () => {
    const { list } = parseCidrs("10.0.0.0/8, fd00::/8, 192.0.2.7");
    expect(addressAllowed(list, "10.255.1.1")).toBe(true);
    expect(addressAllowed(list, "fd12::1")).toBe(true);
    expect(addressAllowed(list, "192.0.2.7")).toBe(true);
    expect(addressAllowed(list, "192.0.2.8")).toBe(false);
    expect(addressAllowed(list, "unknown")).toBe(false);
    expect(() => parseCidrs("10.0.0.0/33")).toThrow(/not an address range/);
    expect(() => parseCidrs("example.com")).toThrow(/not an address range/);
  });
});
