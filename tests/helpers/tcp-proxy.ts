/**
 * A TCP proxy between the app and PostgreSQL (or anything else), for fault tests: `cut()` makes the target
 * unreachable as a network failure or a restart does — every open connection is reset and new ones are closed at
 * once — until `restore()`. `url(u)` rewrites a connection URL to go through the proxy. No vitest: bench/ can use it.
 */
import net from "node:net";

export interface TcpProxy {
  port: number;
  /** `postgres://…@host:port/db` → the same URL through the proxy */
  url(target: string): string;
  /** resets every open connection and refuses new ones until restore() */
  cut(): void;
  restore(): void;
  readonly isCut: boolean;
  /** connections currently open through the proxy */
  readonly open: number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let isCut = false;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  };
  const server = net.createServer((client) => {
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    track(client);
    track(upstream);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url(target) {
      const u = new URL(target);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut() {
      isCut = true;
      for (const s of sockets) s.resetAndDestroy();
    },
    restore() {
      isCut = false;
    },
    get isCut() {
      return isCut;
    },
    get open() {
      return sockets.size;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
