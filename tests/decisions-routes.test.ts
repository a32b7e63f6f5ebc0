import "@/tests/helpers/scratch-data-dir";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const approve = await import("@/app/api/models/[group]/[version]/approve/route");
const reject = await import("@/app/api/models/[group]/[version]/reject/route");
const promote = await import("@/app/api/models/[group]/[version]/promote/route");
const rollback = await import("@/app/api/models/[group]/rollback/route");

const as = sessionUser;

const mutating = [
  {
    name: "approve",
    POST: approve.POST,
    params: { group: "g", version: "1" },
    body: { expectedStatus: "PendingManualApproval" },
  },
  {
    name: "reject",
    POST: reject.POST,
    params: { group: "g", version: "1" },
    body: { expectedStatus: "PendingManualApproval", reason: "no" },
  },
  {
    name: "promote",
    POST: promote.POST,
    params: { group: "g", version: "1" },
    body: { stage: "Staging", expectedStage: "Development" },
  },
  {
    name: "rollback",
    POST: rollback.POST,
    params: { group: "g" },
    body: { stage: "Production", expectedVersion: 2, reason: "bad" },
  },
];

beforeEach(() => {
  currentUser = null;
});

describe("decision routes refuse who may not decide", () => {
  for (const r of mutating) {
    const call = () =>
      r.POST(
        new Request(`http://127.0.0.1/api/models/g/1/${r.name}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://127.0.0.1",
            "idempotency-key": "key-12345678",
          },
          body: JSON.stringify(r.body),
        }),
        { params: Promise.resolve(r.params) },
      );

    it(`${r.name}: 401 when not signed in`, async () => {
      const res = await call();
      expect(res.status).toBe(401);
    });

    for (const role of ["viewer", "scientist", "manager"] as const) {
      it(`${r.name}: 403 for a ${role}, with the fixed error body`, async () => {
        currentUser = as(`u-${role}`, role);
        const res = await call();
        expect(res.status).toBe(403);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("forbidden");
        expect(body.error.message).toContain(role);
      });
    }
  }
});
