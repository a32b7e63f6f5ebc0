/**
 * Database faults for tests, on a scratch PostgreSQL database: terminate its backends (pg_terminate_backend, as an
 * admin or a failover does) and count rows with a plain client. No vitest: bench/ can use it.
 */
import pg from "pg";

/** The database name of a `postgres://…/name` URL. */
export const dbNameOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * Terminates every backend connected to `url`'s database (only that database: other tests' are left alone) except
 * the caller's own; how many.
 */
export async function terminateBackends(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const r = await admin.query<{ ok: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [dbNameOf(url)],
    );
    return r.rows.filter((x) => x.ok).length;
  } finally {
    await admin.end();
  }
}

/** One query with a short-lived client: its rows. */
export async function queryRows<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
