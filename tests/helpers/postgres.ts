import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** True when PostgreSQL answers. In CI (CI=true) a missing server is a failure, not a skip. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch (err) {
    if (process.env.CI === "true" || process.env.CI === "1") {
      throw new Error(
        `PostgreSQL is required in CI but ${TEST_POSTGRES_URL} is unreachable: ${(err as Error).message}`,
      );
    }
    console.warn(
      `Skipping PostgreSQL tests: ${TEST_POSTGRES_URL} is unreachable (${(err as Error).message}).`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database for one test file; `drop()` removes it. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sagedeck_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Points the app's own database (lib/db getDb, through DATABASE_URL) at a fresh scratch PostgreSQL database for
 * this test file; call at the top of the file, before anything reads the configuration. Fails when PostgreSQL is
 * unreachable (also outside CI: a file that asks for PostgreSQL needs it).
 */
export async function postgresForApp(): Promise<{ url: string; drop: () => Promise<void> }> {
  const scratch = await createScratchDatabase();
  process.env.DATABASE_URL = scratch.url;
  return scratch;
}
