/** sagedeck_sign_in_refusals_total counts failed password sign-ins and throttled ones (lib/auth/sign-in.ts). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkThrottle, verifyCredentials, type Attempt } from "@/lib/auth/sign-in";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createUser } from "@/lib/db/users";
import { metrics } from "@/lib/metrics/registry";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openDb({ kind: "pglite", dir: null });
  await migrateDb(handle);
  await createUser(handle.db, {
    username: "tess",
    name: "Tess",
    role: "viewer",
    password: "right-password-1",
  });
});
afterAll(() => handle.close());

const count = async (reason: string) =>
  (await metrics().signIns.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;

describe("sign-in metrics", () => {
  it("counts each failed sign-in, then the throttled ones", async () => {
    const now = new Date();
    const a = (password: string): Attempt => ({
      username: "tess",
      password,
      address: "10.9.9.9",
      requestId: "r",
      now,
    });
    expect(await verifyCredentials(handle.db, a("right-password-1"))).not.toBeNull();
    expect(await count("failed")).toBe(0);
    expect(await verifyCredentials(handle.db, a("wrong"))).toBeNull();
    expect(await count("failed")).toBe(1);
    let refused = false;
    for (let i = 0; i < 30 && !refused; i++) {
      refused = (await checkThrottle(handle.db, a("wrong"))) !== null;
      if (!refused) await verifyCredentials(handle.db, a("wrong"));
    }
    expect(refused).toBe(true);
    expect(await count("throttled")).toBeGreaterThanOrEqual(1);
    expect(await count("failed")).toBeGreaterThan(1);
  });
});
