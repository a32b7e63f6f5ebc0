/** The permission matrix (helpers/matrix-suite.ts) on PGlite, against the real emulator. */
import { describe, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { permissionMatrix } from "./helpers/matrix-suite";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const emu = emulatorFixture({ dataDir: "sagedeck-security-matrix-" });

describe("permission matrix on PGlite: every mutating route × anonymous + five roles", () => {
  permissionMatrix({ setUser: (u) => (currentUser = u), emulatorUrl: () => emu.url() });
});
