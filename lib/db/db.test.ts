import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import pg from "pg";
import { dbTargets } from "@/tests/helpers/db-targets";
import { createScratchDatabase, TEST_POSTGRES_URL } from "@/tests/helpers/postgres";
import { openDb, type DbHandle } from "./client";
import { migrateDb } from "./migrate";
import { authenticate, createUser, findUser, listUsers, setUserDisabled, setUserRole } from "./users";
import { listAuditEvents, recordAudit } from "./audit";
import { DEMO_USERS, seedDemoUsers } from "./seed";
import { ConflictError, NotFoundError } from "@/lib/errors";

const targets = await dbTargets();

describe.each(targets)("database layer on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await migrateDb(handle); // applying twice is a no-op
  });
  afterAll(() => cleanup());

  it("seeds one demo user per role, once, with hashed passwords", async () => {
    expect(await seedDemoUsers(handle.db)).toHaveLength(DEMO_USERS.length);
    expect(await seedDemoUsers(handle.db)).toEqual([]);
    const roles = (await listUsers(handle.db)).map((u) => u.role).sort();
    expect(roles).toEqual(["admin", "approver", "manager", "scientist", "viewer"]);
    const row = await findUser(handle.db, "vera");
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain("vera-demo-pass");
  });

  it("authenticates only the right password of an enabled account", async () => {
    await createUser(handle.db, {
      username: "kim",
      name: "Kim",
      password: "correct horse",
      role: "scientist",
    });
    expect((await authenticate(handle.db, "kim", "correct horse"))?.role).toBe("scientist");
    expect(await authenticate(handle.db, "kim", "wrong horse")).toBeNull();
    expect(await authenticate(handle.db, "nobody", "correct horse")).toBeNull();
    await setUserDisabled(handle.db, "kim", true);
    expect(await authenticate(handle.db, "kim", "correct horse")).toBeNull();
  });

  it("changes roles and refuses duplicates and unknown users", async () => {
    expect((await setUserRole(handle.db, "vera", "approver")).role).toBe("approver");
    await expect(
      createUser(handle.db, { username: "vera", name: "V2", password: "12345678", role: "viewer" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(setUserRole(handle.db, "ghost", "admin")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stores audit events newest first", async () => {
    await recordAudit(handle.db, {
      actor: "ada",
      actorRole: "admin",
      action: "user.create",
      target: "user/a",
    });
    await recordAudit(handle.db, {
      actor: "ada",
      actorRole: "admin",
      action: "user.create",
      target: "user/b",
      details: { n: 2 },
    });
    const events = await listAuditEvents(handle.db, 2);
    expect(events.map((e) => e.target)).toEqual(["user/b", "user/a"]);
    expect(events[0]?.details).toEqual({ n: 2 });
  });
});

describe("PGlite directory lock", () => {
  it("refuses a second opener of the same directory in the same process tree", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { acquireDirLock, lockFileFor } = await import("./lock");
    const fs = await import("node:fs");
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "sagedeck-lock-")), "pglite");
    // a live foreign pid holds the lock: our parent process
    fs.writeFileSync(lockFileFor(dir), String(process.ppid));
    expect(() => acquireDirLock(dir)).toThrow(/in use by process/);
    // a dead pid is a stale lock and is taken over
    fs.writeFileSync(lockFileFor(dir), "999999");
    const release = acquireDirLock(dir);
    expect(fs.readFileSync(lockFileFor(dir), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  });
});

describe.runIf(targets.some((t) => t.name === "PostgreSQL"))(
  "PostgreSQL connections the server drops",
  () => {
    it("survive: the process does not crash, the next query gets a new connection", async () => {
      const scratch = await createScratchDatabase();
      const handle = await openDb({ kind: "postgres", url: scratch.url });
      const dbName = new URL(scratch.url).pathname.slice(1);
      try {
        await handle.db.execute(sql`select 1`);
        const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await admin.connect();
        const killed = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [dbName],
        );
        await admin.end();
        expect(killed.rowCount).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 200)); // the idle connection receives the server's FATAL
        const result = (await handle.db.execute(sql`select 41 + 1 as answer`)) as { rows: unknown[] };
        expect(result.rows[0]).toEqual({ answer: 42 });
      } finally {
        await handle.close();
        await scratch.drop();
      }
    });
  },
);
