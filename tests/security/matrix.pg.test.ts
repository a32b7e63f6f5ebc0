/** The permission matrix (helpers/matrix-suite.ts) on PostgreSQL (a scratch database), against the real emulator. */
import { afterAll, describe, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDbHandle } from "@/lib/db";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { postgresForApp } from "@/tests/helpers/postgres";
import { permissionMatrix } from "./helpers/matrix-suite";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const pg = await postgresForApp();
const emu = emulatorFixture({ dataDir: "sagedeck-security-matrix-pg-" });
afterAll(async () => {
  await (await getDbHandle()).close();
  await pg.drop();
});

describe("permission matrix on PostgreSQL: every mutating route × anonymous + five roles", () => {
  permissionMatrix({ setUser: (u) => (currentUser = u), emulatorUrl: () => emu.url() });
});
