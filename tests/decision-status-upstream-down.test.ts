/**
 * A decision is SageDeck's own record: reading it answers from the database even when SageMaker is down
 * (issue 17 item 6), saying why the rollout could not be followed. Real emulator with an injected outage, PGlite.
 */
import "@/tests/helpers/scratch-data-dir";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { insertIntent } from "@/lib/db/decisions";
import { decisions } from "@/lib/db/schema";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = sessionUser("vera", "viewer");
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const emu = emulatorFixture({ speed: 100, noCache: true });
const faults = (init?: RequestInit) => fetch(`${emu.url()}/_emulator/faults`, init);
afterEach(async () => {
  await faults({ method: "DELETE" });
  currentUser = sessionUser("vera", "viewer");
});

describe("GET /api/approvals/decisions/[id] while SageMaker is down", () => {
  it("answers the recorded decision (200) with why it could not be followed, not 503", async () => {
    const { GET } = await import("@/app/api/approvals/decisions/[id]/route");
    const db = await getDb();
    const id = crypto.randomUUID();
    await insertIntent(db, {
      id,
      action: "promote",
      subject: "stage:outage-group:Staging",
      groupName: "outage-group",
      version: 3,
      modelPackageArn: "arn:aws:sagemaker:us-east-1:123456789012:model-package/outage-group/3",
      targetStage: "Staging",
      expectedStatus: "Development",
      toStatus: "Staging",
      actor: "alex",
      actorName: "Alex Approver",
      actorRole: "approver",
      endpointName: "outage-staging",
    });
    await db.update(decisions).set({ state: "deploying" }).where(eq(decisions.id, id));
    await faults({
      method: "POST",
      body: JSON.stringify({ operation: "*", errorCode: "ServiceUnavailable", status: 503 }),
    });

    const res = await GET(new Request(`http://127.0.0.1/api/approvals/decisions/${id}`), {
      params: Promise.resolve({ id }),
    });
    const body = (await res.json()) as { decision?: { id: string; state: string }; followError?: string };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.decision).toMatchObject({ id, state: "deploying" });
    expect(body.followError).toMatch(/could not be checked in SageMaker.*last recorded state/);
  }, 60_000);
});
