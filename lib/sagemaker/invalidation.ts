import { randomUUID } from "node:crypto";
import net from "node:net";
import type { Client, Notification, Pool } from "pg";
import type { ReadCache } from "./cache";

/** The PostgreSQL channel replicas announce invalidated cache key prefixes on. */
export const INVALIDATION_CHANNEL = "sagedeck_cache_invalidate";
/** NOTIFY payloads must stay under 8000 bytes; a longer list is sent as "drop everything". */
const MAX_PAYLOAD = 7_000;
const PUBLISH_TIMEOUT_MS = 1_000;

interface Message {
  from: string;
  prefixes?: string[];
  all?: boolean;
}

export interface InvalidationOptions {
  /** called after a message from another replica was applied (prefixes, or "all" for a full clear) */
  onReceive?: (prefixes: string[] | "all") => void;
  /** first reconnect delay; doubles up to 5 s */
  reconnectMs?: number;
  channel?: string;
}

/**
 * Cross-replica cache invalidation over PostgreSQL LISTEN/NOTIFY. Each replica keeps one dedicated listening
 * connection (reconnected with backoff when it breaks) and applies the prefixes the other replicas publish to
 * its own ReadCache. A (re)connect clears the whole cache: invalidations sent while it was not listening are
 * lost, so nothing read before is trusted. While disconnected, entries live at most their TTL.
 */
export class PgInvalidationBus {
  readonly id = randomUUID();
  private listener: Client | null = null;
  private pid: number | null = null;
  private readonly dead = new WeakSet<Client>();
  private publisher: Pool | null = null;
  private closed = false;
  private delay: number;
  private timer: NodeJS.Timeout | null = null;
  private waiters: (() => void)[] = [];
  private warned = false;
  private readonly channel: string;

  constructor(
    private readonly url: string,
    private readonly cache: ReadCache,
    private readonly opts: InvalidationOptions = {},
  ) {
    this.delay = opts.reconnectMs ?? 250;
    this.channel = opts.channel ?? INVALIDATION_CHANNEL;
  }

  /** Starts listening (in the background); `listening()` resolves once it is. */
  start(): this {
    void this.connect();
    return this;
  }

  /** Whether the listening connection is up, and its server process id (for pg_terminate_backend). */
  get backendPid(): number | null {
    return this.listener ? this.pid : null;
  }

  listening(): Promise<void> {
    return this.listener ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Announces invalidated prefixes to the other replicas; failures are logged, never thrown (the write happened). */
  async publish(prefixes: string[]): Promise<void> {
    if (this.closed || prefixes.length === 0) return;
    let payload = JSON.stringify({ from: this.id, prefixes } satisfies Message);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ from: this.id, all: true });
    try {
      const pool = await this.pool();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer in 1 s")), PUBLISH_TIMEOUT_MS);
      });
      try {
        await Promise.race([pool.query("SELECT pg_notify($1, $2)", [this.channel, payload]), timeout]);
      } finally {
        clearTimeout(timer);
      }
    } catch (err) {
      console.warn(
        `[cache] could not announce invalidated ${prefixes.join(", ")} to other replicas (they catch up within the cache TTL): ${(err as Error).message}`,
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const listener = this.listener;
    this.listener = null;
    if (listener) this.dead.add(listener);
    await listener?.end().catch(() => undefined);
    await this.publisher?.end().catch(() => undefined);
  }

  private async pool(): Promise<Pool> {
    if (!this.publisher) {
      const { Pool } = await import("pg");
      const pool = new Pool({ connectionString: this.url, max: 2, connectionTimeoutMillis: 2_000 });
      pool.on("error", () => undefined); // an idle connection dropped by the server: the pool replaces it
      this.publisher = pool;
    }
    return this.publisher;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const { Client } = await import("pg");
    const client = new Client({
      connectionString: this.url,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: "sagedeck-cache-invalidation",
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    client.on("notification", (n) => this.receive(n));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      const r = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      this.pid = r.rows[0]?.pid ?? null;
    } catch (err) {
      this.lost(client, err as Error);
      return;
    }
    if (this.closed || this.dead.has(client)) return void client.end().catch(() => undefined);
    // a background connection: it must not keep a script or test process alive
    if (client.connection.stream instanceof net.Socket) client.connection.stream.unref();
    this.listener = client;
    this.delay = this.opts.reconnectMs ?? 250;
    if (this.warned) console.warn("[cache] invalidation listener reconnected; the read cache was cleared");
    this.warned = false;
    this.cache.clear(); // anything cached while not listening may have missed an invalidation
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private lost(client: Client, err?: Error): void {
    if (this.dead.has(client)) return; // 'error' and 'end' of the same connection: handled once
    this.dead.add(client);
    if (this.listener === client) this.listener = null;
    client.removeAllListeners("notification");
    client.end().catch(() => undefined);
    if (this.closed) return;
    if (!this.warned) {
      console.warn(
        `[cache] invalidation listener lost (${err?.message ?? "connection ended"}); reconnecting`,
      );
      this.warned = true;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, 5_000);
  }

  private receive(n: Notification): void {
    if (n.channel !== this.channel || !n.payload) return;
    let msg: Message;
    try {
      msg = JSON.parse(n.payload) as Message;
    } catch {
      return;
    }
    if (msg.from === this.id) return; // our own write already invalidated locally
    if (msg.all || !Array.isArray(msg.prefixes)) {
      this.cache.clear();
      this.opts.onReceive?.("all");
    } else {
      this.cache.invalidate(...msg.prefixes);
      this.opts.onReceive?.(msg.prefixes);
    }
  }
}
