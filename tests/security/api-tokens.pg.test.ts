/** API tokens (helpers/api-tokens-suite.ts) on PostgreSQL (a scratch database). */
import { afterAll, describe, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDbHandle } from "@/lib/db";
import { postgresForApp } from "@/tests/helpers/postgres";
import { apiTokenSuite } from "./helpers/api-tokens-suite";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const pg = await postgresForApp();
afterAll(async () => {
  await (await getDbHandle()).close();
  await pg.drop();
});

describe("API tokens on PostgreSQL", () => {
  apiTokenSuite((u) => (currentUser = u));
});
