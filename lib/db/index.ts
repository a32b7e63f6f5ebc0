import { getConfig } from "@/lib/config";
import { openDb, type Db, type DbHandle } from "./client";
import { migrateDb } from "./migrate";

export type { Db, DbHandle } from "./client";

const globalForDb = globalThis as unknown as { sagedeckDb?: Promise<DbHandle> };

/** Opens the configured database once per process (the Next server owns the PGlite directory). */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.sagedeckDb ??= (async () => {
    const { database } = getConfig();
    const handle = await openDb(
      database.kind === "pglite" ? { kind: "pglite", dir: database.dir } : database,
    );
    await migrateDb(handle);
    return handle;
  })().catch((err: unknown) => {
    globalForDb.sagedeckDb = undefined; // let the next request try again
    throw err;
  });
  return globalForDb.sagedeckDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
