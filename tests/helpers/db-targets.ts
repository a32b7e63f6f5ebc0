/** The databases a test runs against: PGlite always, and PostgreSQL too when it answers (see postgres.ts). */
import { openDb, type DbHandle } from "@/lib/db/client";
import { createScratchDatabase, postgresAvailable } from "./postgres";

export interface DbTarget {
  name: "PGlite" | "PostgreSQL";
  /** a fresh, empty database (in-memory PGlite, or a scratch PostgreSQL database); `cleanup()` drops it */
  open(): Promise<{ handle: DbHandle; cleanup: () => Promise<void> }>;
}

const pglite: DbTarget = {
  name: "PGlite",
  open: async () => {
    const handle = await openDb({ kind: "pglite", dir: null });
    return { handle, cleanup: () => handle.close() };
  },
};

const postgres: DbTarget = {
  name: "PostgreSQL",
  open: async () => {
    const scratch = await createScratchDatabase();
    const handle = await openDb({ kind: "postgres", url: scratch.url });
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        await scratch.drop();
      },
    };
  },
};

/** For `describe.each(await dbTargets())`: PGlite, plus PostgreSQL where it is available. */
export async function dbTargets(): Promise<DbTarget[]> {
  return (await postgresAvailable()) ? [pglite, postgres] : [pglite];
}
