import { redactUrl, type Config } from "@/lib/config";
import { openDb } from "@/lib/db/client";
import { DatabaseBusyError } from "@/lib/db/lock";
import { migrateDb } from "@/lib/db/migrate";
import { seedDemoUsers } from "@/lib/db/seed";

export class StartupError extends Error {}

/**
 * Opens the database, applies migrations (`applied`: how many; on PostgreSQL one replica at a time, lib/db/migrate.ts),
 * seeds demo users in local mode, and closes it again.
 */
export async function prepareDatabase(config: Config): Promise<{ seeded: string[]; applied: number }> {
  const target =
    config.database.kind === "pglite"
      ? { kind: "pglite" as const, dir: config.database.dir }
      : config.database;
  const where =
    target.kind === "postgres"
      ? `PostgreSQL at DATABASE_URL=${redactUrl(target.url)}`
      : `the embedded database in ${target.dir}`;
  let handle;
  try {
    handle = await openDb(target);
  } catch (err) {
    if (err instanceof DatabaseBusyError) throw new StartupError(err.message);
    const message = (err as Error).message || String(err);
    throw new StartupError(
      `Cannot open ${where}: ${message}. Check DATABASE_URL and that the server is running.`,
    );
  }
  try {
    const applied = await migrateDb(handle);
    const seeded = config.auth.demoUsers ? await seedDemoUsers(handle.db) : [];
    return { seeded, applied };
  } catch (err) {
    throw new StartupError(`Could not migrate ${where}: ${(err as Error).message}`);
  } finally {
    await handle.close();
  }
}
