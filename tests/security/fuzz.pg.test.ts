/** The fuzz pass (helpers/fuzz-suite.ts) on PostgreSQL, against the real emulator, signed in as an admin. */
import { afterAll, describe, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDbHandle } from "@/lib/db";
import { postgresForApp } from "@/tests/helpers/postgres";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { sessionUser } from "@/tests/helpers/session-user";
import { fuzzSuite } from "./helpers/fuzz-suite";

const admin: SessionUser = sessionUser("fuzz-admin", "admin");
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(admin) }));

const pg = await postgresForApp();
afterAll(async () => {
  await (await getDbHandle()).close();
  await pg.drop();
});

const emu = emulatorFixture({ dataDir: "sagedeck-security-fuzz-" });

describe("fuzz on PostgreSQL: every route, bad input → no 5xx, one error body, no change", () => {
  fuzzSuite({ emulatorUrl: () => emu.url() });
});
