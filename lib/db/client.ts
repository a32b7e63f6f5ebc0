import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDirLock } from "./lock";

export type Schema = typeof schema;
/** Both drivers (PGlite and node-postgres) behind one type: keep SQL portable (PG 15 and PGlite's PG 18). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget = { kind: "pglite"; dir: string | null } | { kind: "postgres"; url: string };

export interface DbHandle {
  db: Db;
  kind: DatabaseTarget["kind"];
  close(): Promise<void>;
}

/** Opens a database. `pglite` with `dir: null` is in-memory (tests). */
export async function openDb(target: DatabaseTarget): Promise<DbHandle> {
  if (target.kind === "postgres") {
    const [{ Pool }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
    const pool = new Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5_000 });
    // A connection the server drops (a restart, an admin terminating it, one still closing after end()) emits
    // 'error' on the pool or on the client; unhandled, that would crash the process. The pool replaces idle
    // connections, and a query on a broken one fails with its own error, so logging is all that is left to do.
    let closing = false;
    const onError = (err: Error) => {
      if (!closing) console.warn(`[db] PostgreSQL connection lost: ${err.message}`);
    };
    pool.on("error", onError);
    pool.on("connect", (c) => c.on("error", onError));
    const client = await pool.connect(); // fail now, with the driver's message, not at the first query
    client.release();
    return {
      db: drizzle(pool, { schema }) as unknown as Db,
      kind: "postgres",
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  let release = () => undefined as void;
  if (target.dir) {
    fs.mkdirSync(target.dir, { recursive: true });
    release = acquireDirLock(target.dir);
  }
  try {
    const client = target.dir ? new PGlite(target.dir) : new PGlite();
    await client.waitReady;
    return {
      db: drizzle(client, { schema }) as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
