import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Db, DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { auditEvents, signInThrottle } from "@/lib/db/schema";
import { createUser } from "@/lib/db/users";
import type * as UsersModule from "@/lib/db/users";
import { clientAddress } from "@/lib/auth/client-address";
import { checkThrottle, verifyCredentials, type Attempt } from "@/lib/auth/sign-in";
import { dbTargets } from "@/tests/helpers/db-targets";

// count how often a password is actually checked
const checked = vi.hoisted(() => vi.fn());
vi.mock("@/lib/db/users", async (importOriginal) => {
  const real = await importOriginal<typeof UsersModule>();
  return {
    ...real,
    authenticate: (...args: Parameters<typeof real.authenticate>) => {
      checked(...args);
      return real.authenticate(...args);
    },
  };
});

// authorize and the route gate reach the database and configuration through these two modules
let currentDb: Db | null = null;
vi.mock("@/lib/db", () => ({
  getDb: () => (currentDb ? Promise.resolve(currentDb) : Promise.reject(new Error("no db"))),
}));
vi.mock("@/lib/config", () => ({
  getConfig: () => ({ auth: { trustedProxyHops: 0, url: "http://127.0.0.1:3100" } }),
}));
const { authorizeCredentials } = await import("@/lib/auth/credentials");
const { credentialsGate } = await import("@/lib/auth/credentials-gate");

const T0 = new Date("2026-03-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function attempt(username: string, password: string, now: Date, address = "10.0.0.1"): Attempt {
  return { username, password, address, requestId: "req-test", now };
}

/** The sign-in as the app runs it: the lock is checked before the password. */
async function signIn(db: Db, a: Attempt) {
  const refusal = await checkThrottle(db, a);
  if (refusal) return { refused: refusal.message, retryAfter: refusal.lock.retryAfterSeconds };
  return { user: (await verifyCredentials(db, a))?.username ?? null };
}

async function signInRows(db: Db, outcome: string) {
  return (await db.select().from(auditEvents).where(eq(auditEvents.outcome, outcome))).filter(
    (r) => r.action === "auth.sign_in",
  );
}

describe.each(await dbTargets())("sign-in throttle on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    currentDb = handle.db;
    for (const username of ["kim", "lee", "nora"]) {
      await createUser(handle.db, { username, name: username, password: "right-password", role: "viewer" });
    }
  });
  afterAll(() => cleanup());

  it("locks a username after 5 failures: even the right password is refused until the backoff ends", async () => {
    const db = handle.db;
    for (let i = 0; i < 5; i++)
      expect(await signIn(db, attempt("kim", "wrong", at(i * 1000)))).toEqual({ user: null });
    const locked = await signIn(db, attempt("kim", "right-password", at(6_000)));
    expect(locked).toEqual({
      refused: "Too many failed sign-ins for this account; try again in 28 s.",
      retryAfter: 28,
    });
    // hammering the lock: refused every time, one "refused" row for the whole lock, 5 "failed" rows
    for (let i = 0; i < 10; i++)
      expect(await signIn(db, attempt("kim", "wrong", at(7_000 + i)))).toHaveProperty("refused");
    expect((await signInRows(db, "failed")).filter((r) => r.target === "user/kim")).toHaveLength(5);
    const refused = (await signInRows(db, "refused")).filter((r) => r.target === "user/kim");
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0]?.details)).not.toContain("right-password");
    // the lock ends after 30 s from the 5th failure; then the right password works and clears the counter
    expect(await signIn(db, attempt("kim", "right-password", at(33_999)))).toHaveProperty("refused");
    expect(await signIn(db, attempt("kim", "right-password", at(34_000)))).toEqual({ user: "kim" });
    expect(await db.select().from(signInThrottle).where(eq(signInThrottle.key, "user:kim"))).toEqual([]);
  });

  it("doubles the lock with each further failure", async () => {
    const db = handle.db;
    for (let i = 0; i < 5; i++) await signIn(db, attempt("lee", "wrong", at(100_000 + i)));
    expect((await signIn(db, attempt("lee", "wrong", at(100_010)))).retryAfter).toBe(30);
    await signIn(db, attempt("lee", "wrong", at(140_000))); // 6th failure, after the first lock
    expect((await signIn(db, attempt("lee", "right-password", at(140_000)))).retryAfter).toBe(60);
    await signIn(db, attempt("lee", "wrong", at(200_000))); // 7th
    expect((await signIn(db, attempt("lee", "right-password", at(200_000)))).retryAfter).toBe(120);
  });

  it("a burst of simultaneous guesses reaches the password at most 5 times", async () => {
    const db = handle.db;
    await createUser(db, { username: "burst", name: "burst", password: "right-password", role: "viewer" });
    checked.mockClear();
    const now = at(250_000);
    // all 20 pass the lock check first (as simultaneous requests would), then race to the password
    const attempts = Array.from({ length: 20 }, (_, i) =>
      attempt("burst", i === 19 ? "right-password" : "wrong", now),
    );
    for (const a of attempts) expect(await checkThrottle(db, a)).toBeNull();
    const results = await Promise.all(attempts.map((a) => verifyCredentials(db, a)));
    const checkedBurst = checked.mock.calls.filter(([, u]) => u === "burst").length;
    expect(checkedBurst).toBeLessThanOrEqual(5);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect((await checkThrottle(db, attempt("burst", "right-password", at(250_001))))?.message).toMatch(
      /^Too many failed sign-ins for this account/,
    );
  });

  it("locks a client address after 30 failures over any usernames", async () => {
    const db = handle.db;
    for (let i = 0; i < 30; i++) await signIn(db, attempt(`ghost${i}`, "wrong", at(300_000 + i), "10.9.9.9"));
    const r = await signIn(db, attempt("nora", "right-password", at(300_100), "10.9.9.9"));
    expect(r.refused).toMatch(/^Too many failed sign-ins from your network; try again in \d+ s\.$/);
    // the same account from another address is not affected
    expect(await signIn(db, attempt("nora", "right-password", at(300_100), "10.1.1.1"))).toEqual({
      user: "nora",
    });
  });

  it("answers 429 with Retry-After on the credentials callback while locked, before next-auth", async () => {
    const form = new URLSearchParams({
      username: "lee",
      password: "right-password",
      csrfToken: "x",
      json: "true",
    });
    const req = new Request("http://127.0.0.1:3100/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.0.0.1" },
      body: form,
    });
    for (let i = 0; i < 12; i++) await signIn(handle.db, attempt("lee", "wrong", new Date())); // locked now
    const res = await credentialsGate(req);
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res?.json()) as { url: string; error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/^Too many failed sign-ins for this account; try again in \d+ s\.$/);
    expect(new URL(body.url).searchParams.get("error")).toBe("Throttled");
    // other users and other routes pass through to next-auth
    const ok = new Request(req.url, {
      method: "POST",
      headers: req.headers,
      body: "username=nora&password=x",
    });
    expect(await credentialsGate(ok)).toBeNull();
    expect(await credentialsGate(new Request("http://127.0.0.1:3100/api/auth/session"))).toBeNull();
  });

  it("refuses a NUL or control character or an over-long username before any query, and never leaks SQL", async () => {
    for (const username of ["a\u0000b", "a\u0007b", "x".repeat(101)]) {
      await expect(authorizeCredentials({ username, password: "whatever" }, {})).resolves.toBeNull();
    }
    const rows = (await signInRows(handle.db, "failed")).filter(
      (r) => r.target === "user/(invalid username)",
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // a database error becomes one fixed code; the message (with the query) only goes to the server log
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    currentDb = null;
    try {
      const err = await authorizeCredentials({ username: "kim", password: "x" }, {}).catch((e: unknown) => e);
      expect((err as Error).message).toBe("SignInUnavailable");
      expect(log).toHaveBeenCalledWith(
        expect.stringMatching(/^\[auth\] [0-9a-f-]{36} sign-in/),
        expect.any(Error),
      );
    } finally {
      currentDb = handle.db;
      log.mockRestore();
    }
  });
});

describe("clientAddress", () => {
  it("takes the address the trusted proxy appended, never one the client put before it", () => {
    const h = (xff: string) => new Headers({ "x-forwarded-for": xff });
    expect(clientAddress(h("127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(h("::ffff:10.0.0.7"), 0)).toBe("10.0.0.7");
    expect(clientAddress(h("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(h("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4\u0000<x>" }, 0)).toBe("1.2.3.4??x?");
  });
});
