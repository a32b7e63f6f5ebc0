import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { warmUp, warmUpUrl } from "@/lib/warm-up";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A free port: listen on 0, note it, close. */
async function freePort(): Promise<number> {
  const s = http.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => s.once("listening", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe("warm-up at start (issue 20: the first page of a fresh server)", () => {
  it("waits for the server to listen, then GETs its sign-in page once", async () => {
    const port = await freePort();
    const seen: string[] = [];
    // the server listens only 400 ms after the warm-up starts, as Next does after instrumentation's register()
    setTimeout(() => {
      const s = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url} ${req.headers["user-agent"]}`);
        res.writeHead(200, { "content-type": "text/html" }).end("<html></html>");
      });
      servers.push(s.listen(port, "127.0.0.1"));
    }, 400);
    const url = warmUpUrl({ PORT: String(port) });
    expect(url).toBe(`http://127.0.0.1:${port}/login`);
    await expect(warmUp(url, { attempts: 40, delayMs: 50 })).resolves.toBe(true);
    expect(seen).toEqual(["GET /login sagedeck-warm-up"]);
  });

  it("gives up quietly when nothing listens", async () => {
    const url = warmUpUrl({ PORT: String(await freePort()) });
    await expect(warmUp(url, { attempts: 3, delayMs: 10 })).resolves.toBe(false);
  });

  it("asks the address the server binds to, loopback when it binds to every address", () => {
    expect(warmUpUrl({ PORT: "8080", BIND_ADDRESS: "0.0.0.0" })).toBe("http://127.0.0.1:8080/login");
    expect(warmUpUrl({ PORT: "8080", BIND_ADDRESS: "10.0.0.7" })).toBe("http://10.0.0.7:8080/login");
    expect(warmUpUrl({ BIND_ADDRESS: "::1" })).toBe("http://[::1]:3000/login");
  });
});
