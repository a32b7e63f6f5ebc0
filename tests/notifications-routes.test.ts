/**
 * The notification API through the one route wrapper (a real PGlite under a scratch data dir): admins manage
 * channels (the webhook secret answered once, audited), others get 403; deliveries are paged on the server and
 * "send again" is audited and delivered to a real receiver; people set their own preferences.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { auditEvents } from "@/lib/db/schema";
import type { DeliveryPage } from "@/lib/notifications/deliveries";
import { callRoute, errorOf } from "@/tests/helpers/route-call";
import { startReceiver, type Receiver } from "@/tests/helpers/notification-receiver";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const ORIGIN = "http://127.0.0.1:3000";
const json = (method: string, url: string, body?: unknown) =>
  new Request(`${ORIGIN}${url}`, {
    method,
    headers: { origin: ORIGIN, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("notification routes", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-notify-routes-"));
    process.env.DATABASE_URL = "";
    receiver = await startReceiver(null, [503]);
  });
  afterAll(() => receiver?.close());

  it("admins add, test and disable channels; others are refused; deliveries page; send again", async () => {
    const channels = await import("@/app/api/notifications/channels/route");
    const one = await import("@/app/api/notifications/channels/[id]/route");
    const test = await import("@/app/api/notifications/channels/[id]/test/route");
    const deliveries = await import("@/app/api/notifications/deliveries/route");
    const resend = await import("@/app/api/notifications/deliveries/[id]/resend/route");

    currentUser = sessionUser("alex", "approver");
    const refused = await callRoute(channels.POST, json("POST", "/api/notifications/channels", {}));
    expect(refused.status).toBe(403);

    currentUser = sessionUser("ada", "admin");
    const bad = await callRoute(
      channels.POST,
      json("POST", "/api/notifications/channels", {
        kind: "webhook",
        name: "x",
        target: "ftp://x",
        eventTypes: ["version.waiting"],
      }),
    );
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).message).toMatch(/http\(s\) URL/);

    const created = await callRoute(
      channels.POST,
      json("POST", "/api/notifications/channels", {
        kind: "webhook",
        name: "ci",
        target: receiver.url,
        eventTypes: ["version.waiting"],
      }),
    );
    expect(created.status).toBe(201);
    const { channel, secret } = (await created.json()) as {
      channel: { id: string; signed: boolean };
      secret: string;
    };
    expect(secret).toMatch(/^whsec_/);
    expect(channel.signed).toBe(true);
    const listed = await (await callRoute(channels.GET, json("GET", "/api/notifications/channels"))).text();
    expect(listed).not.toContain(secret); // shown once

    // the test message: the receiver answers 503, so the delivery is pending with the answer recorded
    const tested = await callRoute(
      test.POST,
      json("POST", `/api/notifications/channels/${channel.id}/test`, {}),
      { id: channel.id },
    );
    expect(tested.status).toBe(200);
    const { delivery } = (await tested.json()) as {
      delivery: { id: string; status: string; lastResponseCode: number };
    };
    expect(delivery).toMatchObject({ status: "pending", lastResponseCode: 503 });

    const page = (await (
      await callRoute(deliveries.GET, json("GET", "/api/notifications/deliveries?status=pending&pageSize=10"))
    ).json()) as DeliveryPage;
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(page.items[0]?.id).toBe(delivery.id);

    const again = await callRoute(
      resend.POST,
      json("POST", `/api/notifications/deliveries/${delivery.id}/resend`, {}),
      { id: delivery.id },
    );
    expect(((await again.json()) as { delivery: { status: string } }).delivery.status).toBe("sent");
    expect(receiver.received.map((r) => r.delivery)).toEqual([delivery.id, delivery.id]);

    const disabled = await callRoute(
      one.PATCH,
      json("PATCH", `/api/notifications/channels/${channel.id}`, { enabled: false }),
      { id: channel.id },
    );
    expect(((await disabled.json()) as { channel: { enabled: boolean } }).channel.enabled).toBe(false);

    const audit = await (
      await getDb()
    )
      .select({ action: auditEvents.action, actor: auditEvents.actor })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id));
    expect(audit.filter((a) => a.action.startsWith("notifications.")).map((a) => a.action)).toEqual([
      "notifications.channel.update",
      "notifications.delivery.resend",
      "notifications.channel.test",
      "notifications.channel.create",
      "notifications.manage", // the approver's refused attempt, recorded under the permission
    ]);
  }, 120_000);

  it("each person sets their own preferences; a bad address is 422", async () => {
    const prefs = await import("@/app/api/notifications/preferences/route");
    currentUser = sessionUser("vera", "viewer");
    const bad = await callRoute(
      prefs.PUT,
      json("PUT", "/api/notifications/preferences", { email: "nope", eventTypes: [] }),
    );
    expect(bad.status).toBe(422);
    const ok = await callRoute(
      prefs.PUT,
      json("PUT", "/api/notifications/preferences", {
        email: "vera@example.test",
        eventTypes: ["run.failed"],
      }),
    );
    expect(ok.status).toBe(200);
    currentUser = sessionUser("sam", "scientist");
    const sams = (await (
      await callRoute(prefs.GET, json("GET", "/api/notifications/preferences"))
    ).json()) as {
      preferences: unknown;
    };
    expect(sams.preferences).toEqual({ email: null, eventTypes: [] });
  });
});
