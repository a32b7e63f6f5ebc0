import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchJson, FetchError } from "./fetcher";

// a real server on 127.0.0.1 that never answers /hang and answers /ok at once
let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/ok") res.end(JSON.stringify({ fine: true }));
    // /hang: never answers (closed by afterAll)
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("fetchJson", () => {
  it("a read the server never answers ends with a timeout error (no skeleton forever)", async () => {
    const err = await fetchJson(`${base}/hang`, undefined, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: "timeout", status: 0 });
    expect((err as FetchError).message).toMatch(/did not answer within 300 ms\. Try again/);
  });

  it("answers in time are unaffected", async () => {
    await expect(fetchJson(`${base}/ok`, undefined, { timeoutMs: 300 })).resolves.toEqual({ fine: true });
  });
});
