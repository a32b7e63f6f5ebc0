/**
 * The permission matrix: every mutating API route × anonymous and the five roles. Who lacks the permission gets
 * 401/403 and nothing changes (SageDeck's tables and SageMaker's writes); who has it passes the gate. A mutating
 * route missing from the table below fails the suite, so a new route cannot ship without its permission.
 * Run by matrix.test.ts (PGlite) and matrix.pg.test.ts (PostgreSQL).
 */
import { beforeAll, expect, it } from "vitest";
import { can, type Permission } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { sessionUser } from "@/tests/helpers/session-user";
import { apiRoutes, call, MUTATING, sameOriginRequest, type ApiRoute, type Method } from "./routes";
import { snapshotState } from "./state";

/** The permission each mutating route requires (DESIGN.md's table; users.manage is admin-only). */
const EXPECTED: Record<string, Permission> = {
  "POST /api/maturity/snapshots": "maturity.manage",
  "POST /api/maturity/solutions/[key]/exemptions": "maturity.manage",
  "DELETE /api/maturity/solutions/[key]/exemptions/[id]": "maturity.manage",
  "PUT /api/maturity/targets": "maturity.manage",
  "POST /api/models/[group]/[version]/approve": "models.decide",
  "POST /api/models/[group]/[version]/reject": "models.decide",
  "POST /api/models/[group]/[version]/promote": "models.promote",
  "POST /api/models/[group]/rollback": "models.promote",
  "POST /api/models/[group]/sharing": "models.share",
  "POST /api/approvals/gates": "models.promote",
  "POST /api/pipelines/[name]/executions": "pipelines.run",
  "POST /api/pipelines/[name]/executions/[id]/stop": "pipelines.run",
  "POST /api/pipelines/[name]/executions/[id]/retry": "pipelines.run",
  "POST /api/me/tokens": "read",
  "DELETE /api/me/tokens/[id]": "read",
  "POST /api/service-tokens": "users.manage",
  "DELETE /api/service-tokens/[id]": "users.manage",
  "POST /api/users": "users.manage",
  "PATCH /api/users/[username]": "users.manage",
  "POST /api/notifications/channels": "notifications.manage",
  "PATCH /api/notifications/channels/[id]": "notifications.manage",
  "POST /api/notifications/channels/[id]/test": "notifications.manage",
  "POST /api/notifications/deliveries/[id]/resend": "notifications.manage",
  "PUT /api/notifications/preferences": "read",
};

async function errorCode(res: Response): Promise<string | undefined> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code;
}

export interface SuiteContext {
  /** the signed-in user the mocked session returns */
  setUser(user: SessionUser | null): void;
  emulatorUrl(): string;
}

export function permissionMatrix(ctx: SuiteContext): void {
  const cells: { route: ApiRoute; method: Method; key: string }[] = [];
  beforeAll(async () => {
    for (const route of await apiRoutes())
      for (const method of MUTATING)
        if (route.handlers[method]) cells.push({ route, method, key: `${method} ${route.pattern}` });
  });

  it("knows the permission of every mutating route (a new route must be added here)", () => {
    expect(cells.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    expect(cells.map((c) => c.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("refuses anonymous callers with 401 and changes nothing", async () => {
    const db = await getDb();
    for (const { route, method, key } of cells) {
      ctx.setUser(null);
      const before = await snapshotState(db, ctx.emulatorUrl());
      const res = await call(route, method, sameOriginRequest(method, route.path));
      expect(res.status, key).toBe(401);
      expect(await errorCode(res), key).toBe("unauthorized");
      expect(await snapshotState(db, ctx.emulatorUrl()), key).toEqual(before);
    }
  }, 120_000); // two state snapshots per route: ~1.5 s a route on a loaded 2-core machine

  for (const role of ROLES) {
    it(`${role}: 403 without the permission (nothing changes); past the gate with it`, async () => {
      const db = await getDb();
      ctx.setUser(sessionUser(`matrix-${role}`, role));
      for (const { route, method, key } of cells) {
        const permission = EXPECTED[key];
        if (!permission) continue;
        const before = await snapshotState(db, ctx.emulatorUrl());
        if (!can(role, permission)) {
          const res = await call(route, method, sameOriginRequest(method, route.path));
          expect(res.status, `${role} ${key}`).toBe(403);
          expect(await errorCode(res), `${role} ${key}`).toBe("forbidden");
        } else {
          // allowed: a control character in the query is refused with 422 before anything runs
          const res = await call(route, method, sameOriginRequest(method, `${route.path}?note=a%00b`));
          expect(res.status, `${role} ${key}`).toBe(422);
        }
        expect(await snapshotState(db, ctx.emulatorUrl()), `${role} ${key}`).toEqual(before);
      }
    });
  }
}
