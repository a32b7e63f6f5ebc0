/** API tokens (helpers/api-tokens-suite.ts) on PGlite. */
import "@/tests/helpers/scratch-data-dir";
import { describe, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { apiTokenSuite } from "./helpers/api-tokens-suite";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

describe("API tokens on PGlite", () => {
  apiTokenSuite((u) => (currentUser = u));
});
