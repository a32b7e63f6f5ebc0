/**
 * A TCP proxy in front of PostgreSQL, to give one database handle a real outage: `cut()` drops every connection
 * and refuses new ones (the database is unreachable) until `restore()`; `pause()` holds the bytes of every
 * connection, open and new (the database hangs: queries neither answer nor fail) until `resume()`.
 */
import net from "node:net";

export interface DbProxy {
  /** the database URL through the proxy */
  url: string;
  cut(): void;
  restore(): void;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startDbProxy(databaseUrl: string): Promise<DbProxy> {
  const target = new URL(databaseUrl);
  const pairs = new Set<[net.Socket, net.Socket]>();
  let down = false;
  let paused = false;
  /** writes held while paused, in arrival order */
  let held: (() => void)[] = [];
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    // forwarded by hand (not pipe(), which resumes a paused source on drain): held while paused
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk: Buffer) => {
        if (paused) held.push(() => to.write(chunk));
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(typeof address === "object" && address ? address.port : 0);
  return {
    url: url.toString(),
    cut: () => {
      down = true;
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      pairs.clear();
      held = [];
    },
    restore: () => {
      down = false;
    },
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      const writes = held;
      held = [];
      for (const write of writes) write();
    },
    close: async () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
